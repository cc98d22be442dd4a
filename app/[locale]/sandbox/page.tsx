import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { Sandbox } from '@/app/_components/sandbox/sandbox';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('sandbox');

export default async function SandboxPage({ params }: PageProps<'/[locale]/sandbox'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('sandbox');
  return (
    <ClientMessages scope="sandbox" locale={locale}>
      <div className="mx-auto max-w-6xl">
        <PageHeader title={t('title')} intro={t('intro')} />
        <div className="mt-6">
          <Sandbox />
        </div>
      </div>
    </ClientMessages>
  );
}
