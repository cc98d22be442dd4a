import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ProgressView } from '@/app/_components/quiz/progress-view';

export const generateMetadata = titleFrom('progressPage');

export default async function ProgressPage({ params }: PageProps<'/[locale]/progress'>) {
  await pageLocale(params);
  const t = await getTranslations('progressPage');
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <ProgressView />
      </div>
    </div>
  );
}
