import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/app/_lib/i18n/routing';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';
import { Providers } from '@/app/_lib/providers';
import { themeScript } from '@/app/_lib/theme-script';
import { notFoundLocale, scriptNonce } from '@/app/_server/nonce';
import { NotFoundView } from '@/app/_components/layout/not-found-view';
import { SiteHeader } from '@/app/_components/ui/site-header';
import { OfflineSupport } from '@/app/_components/offline/offline-support';
import { InstallOffer } from '@/app/_components/offline/install-offer';
import { TimeZoneSync } from '@/app/_components/layout/time-zone-sync';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

/** The request's language: the URL's, or for a URL that is no page the one the proxy chose. */
async function layoutLocale(params: LayoutProps<'/[locale]'>['params']) {
  const { locale } = await params;
  const missing = await notFoundLocale();
  const chosen = missing && !hasLocale(routing.locales, locale) ? missing : locale;
  return { locale: hasLocale(routing.locales, chosen) ? chosen : null, missing: missing !== null };
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale, missing } = await layoutLocale(params);
  if (!locale) return {};
  const t = await getTranslations({ locale, namespace: 'site' });
  const notFound = missing ? await getTranslations({ locale, namespace: 'notFound' }) : null;
  return {
    title: notFound ? `${notFound('title')} · ${t('name')}` : { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
    manifest: `/${locale}/manifest.webmanifest`,
    ...(missing ? { robots: { index: false } } : {}),
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale, missing } = await layoutLocale(params);
  if (!locale) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('site');
  const nonce = await scriptNonce();

  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh bg-bg text-fg antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2 focus:text-fg"
        >
          {t('skipToContent')}
        </a>
        <ClientMessages scope="chrome" locale={locale}>
          <Providers>
            <div className="flex min-h-dvh flex-col">
              <SiteHeader />
              <OfflineSupport />
              <TimeZoneSync />
              <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
                {/* A URL that is no page: the 404 page instead of the page, so nothing throws
                    notFound() (which Next.js would serve as an empty shell). */}
                {missing ? <NotFoundView /> : children}
              </main>
              <InstallOffer />
              <footer className="border-t border-border px-4 py-6 text-center text-sm text-muted">
                {t('footer')}
              </footer>
            </div>
          </Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
