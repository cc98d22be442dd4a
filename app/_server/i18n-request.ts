// next-intl's request config (next.config.js points here): the language, its messages and the reader's time zone.
import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { readerTimeZone } from './time-zone';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(LOCALES, requested) ? requested : DEFAULT_LOCALE;
  const messages = (await import(`../../content/ui/${locale}.json`)).default;
  // Moments are written in the reader's zone once the browser has told it.
  return { locale, messages, timeZone: await readerTimeZone() };
});
