import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ReviewSession } from '@/app/_components/revise/review-session';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('revise.review');

export default async function ReviewPage({ params }: PageProps<'/[locale]/revise/review'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise.review');
  return (
    <ClientMessages scope="revise-review" locale={locale}>
      <>
        <div>
          <PageHeader title={t('title')} intro={t('intro')} />
        </div>
        <ReviewSession />
      </>
    </ClientMessages>
  );
}
