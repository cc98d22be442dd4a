import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ReviewSession } from '@/app/_components/revise/review-session';
import { PageHeader } from '@/app/_components/ui/page-header';

export const generateMetadata = titleFrom('revise.review');

export default async function ReviewPage({ params }: PageProps<'/[locale]/revise/review'>) {
  await pageLocale(params);
  const t = await getTranslations('revise.review');
  return (
    <>
      <div>
        <PageHeader title={t('title')} intro={t('intro')} />
      </div>
      <ReviewSession />
    </>
  );
}
