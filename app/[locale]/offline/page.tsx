import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';

export const generateMetadata = titleFrom('offlinePage');

/** What the service worker shows for a page asked for offline that was never visited. */
export default async function OfflinePage({ params }: PageProps<'/[locale]/offline'>) {
  await pageLocale(params);
  const t = await getTranslations('offlinePage');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p>{t('body')}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/" className="text-accent underline">
            {t('home')}
          </Link>
        </li>
        <li>
          <Link href="/revise" className="text-accent underline">
            {t('revise')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
