// What every localized page does first: check the locale in the URL and set it for the request,
// and title itself from its namespace's `title` message.
import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from './routing';

type LocaleParams = { params: Promise<{ locale: string }> };
export type SiteLocale = (typeof routing.locales)[number];

/** The page's locale, set for this request; a 404 for a locale the site does not have. */
export async function pageLocale(params: LocaleParams['params']): Promise<SiteLocale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** A generateMetadata that titles the page with `<namespace>.title` in the page's language. */
export function titleFrom(namespace: string): (props: LocaleParams) => Promise<Metadata> {
  return async ({ params }) => {
    const { locale } = await params;
    if (!hasLocale(routing.locales, locale)) return {};
    const t = await getTranslations({ locale, namespace });
    return { title: t('title') };
  };
}
