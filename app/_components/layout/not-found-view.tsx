import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_lib/i18n/navigation';

/** The localized 404: drawn by the locale layout for the proxy's 404s, and by not-found.tsx. */
export async function NotFoundView() {
  const t = await getTranslations('notFound');
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <p aria-hidden="true" className="font-mono text-5xl font-bold text-muted">
        404
      </p>
      <h1 className="mt-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('body')}</p>
      <p className="mt-8">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
          {t('home')}
        </Link>
      </p>
    </div>
  );
}
