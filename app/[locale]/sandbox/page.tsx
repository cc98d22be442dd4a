import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { Sandbox } from '@/app/_components/sandbox/sandbox';

export const generateMetadata = titleFrom('sandbox');

export default async function SandboxPage({ params }: PageProps<'/[locale]/sandbox'>) {
  await pageLocale(params);
  const t = await getTranslations('sandbox');
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-muted">{t('intro')}</p>
      <div className="mt-6">
        <Sandbox />
      </div>
    </div>
  );
}
