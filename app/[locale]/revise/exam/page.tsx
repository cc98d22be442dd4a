import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { MockExam } from '@/app/_components/revise/mock-exam';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('revise.exam');

export default async function ExamPage({ params }: PageProps<'/[locale]/revise/exam'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise.exam');
  return (
    <ClientMessages scope="revise-exam" locale={locale}>
      <>
        <div>
          <PageHeader title={t('title')} intro={t('intro')} />
        </div>
        <MockExam sections={skillSectionHrefs(locale)} />
      </>
    </ClientMessages>
  );
}
