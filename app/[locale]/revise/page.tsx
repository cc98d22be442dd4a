import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ReviseHome } from '@/app/_components/revise/revise-home';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('revise');

export default async function RevisePage({ params }: PageProps<'/[locale]/revise'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('revise');
  return (
    <ClientMessages scope="revise-home" locale={locale}>
      <>
        <div>
          <PageHeader title={t('title')} intro={t('intro')} />
        </div>
        <ReviseHome />
      </>
    </ClientMessages>
  );
}
