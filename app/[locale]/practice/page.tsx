import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { readPracticeLink } from '@/app/_lib/practice-link';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { Practice } from '@/app/_components/quiz/practice';

export const generateMetadata = titleFrom('practice');

export default async function PracticePage({ params, searchParams }: PageProps<'/[locale]/practice'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('practice');
  const link = readPracticeLink(await searchParams);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <Practice key={JSON.stringify(link)} link={link} sectionHrefs={skillSectionHrefs(locale)} />
      </div>
    </div>
  );
}
