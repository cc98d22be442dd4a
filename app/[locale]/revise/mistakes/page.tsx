import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { MistakeBook } from '@/app/_components/revise/mistake-book';

export const generateMetadata = titleFrom('revise.mistakes');

export default async function MistakesPage({ params }: PageProps<'/[locale]/revise/mistakes'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise.mistakes');
  return (
    <>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-3 text-muted">{t('intro')}</p>
      </div>
      <MistakeBook sections={skillSectionHrefs(locale)} />
    </>
  );
}
