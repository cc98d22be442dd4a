import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ProgressView } from '@/app/_components/quiz/progress-view';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('progressPage');

export default async function ProgressPage({ params }: PageProps<'/[locale]/progress'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('progressPage');
  return (
    <ClientMessages scope="progress" locale={locale}>
      <div className="mx-auto max-w-4xl">
        <PageHeader title={t('title')} intro={t('intro')} />
        <div className="mt-6">
          <ProgressView />
        </div>
      </div>
    </ClientMessages>
  );
}
