import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { ReviseHome } from '@/app/_components/revise/revise-home';

export const generateMetadata = titleFrom('revise');

export default async function RevisePage({ params }: PageProps<'/[locale]/revise'>) {
  await pageLocale(params);
  const t = await getTranslations('revise');
  return (
    <>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-3 text-muted">{t('intro')}</p>
      </div>
      <ReviseHome />
    </>
  );
}
