import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { readPracticeLink } from '@/app/_lib/practice-link';
import { skillSectionHrefs } from '@/app/_server/skill-sections';
import { Practice } from '@/app/_components/quiz/practice';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('practice');

export default async function PracticePage({ params, searchParams }: PageProps<'/[locale]/practice'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('practice');
  const link = readPracticeLink(await searchParams);
  return (
    <ClientMessages scope="practice" locale={locale}>
      <div className="mx-auto max-w-6xl">
        <PageHeader title={t('title')} intro={t('intro')} />
        <div className="mt-6">
          <Practice key={JSON.stringify(link)} link={link} sectionHrefs={skillSectionHrefs(locale)} />
        </div>
      </div>
    </ClientMessages>
  );
}
