import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ReviewSession } from '@/app/_components/revise/review-session';

export const generateMetadata = titleFrom('revise.review');

export default async function ReviewPage({ params }: PageProps<'/[locale]/revise/review'>) {
  await pageLocale(params);
  const t = await getTranslations('revise.review');
  return (
    <>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-3 text-muted">{t('intro')}</p>
      </div>
      <ReviewSession />
    </>
  );
}
