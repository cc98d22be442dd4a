import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { MockExam } from '@/app/_components/revise/mock-exam';

export const generateMetadata = titleFrom('revise.exam');

export default async function ExamPage({ params }: PageProps<'/[locale]/revise/exam'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise.exam');
  return (
    <>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-3 text-muted">{t('intro')}</p>
      </div>
      <MockExam sections={skillSectionHrefs(locale)} />
    </>
  );
}
