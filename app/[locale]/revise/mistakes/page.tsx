import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { lessonQuestionSources } from '@/app/_server/lesson-questions';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { MistakeBook } from '@/app/_components/revise/mistake-book';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('revise.mistakes');

export default async function MistakesPage({ params }: PageProps<'/[locale]/revise/mistakes'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise.mistakes');
  return (
    <ClientMessages scope="revise-mistakes" locale={locale}>
      <>
        <div>
          <PageHeader title={t('title')} intro={t('intro')} />
        </div>
        <MistakeBook sections={skillSectionHrefs(locale)} lessons={lessonQuestionSources(locale)} />
      </>
    </ClientMessages>
  );
}
