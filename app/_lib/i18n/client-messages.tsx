import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { SiteLocale } from './page';
import { CLIENT_SCOPES, pickMessages, type ClientScope } from './client-scopes';

/**
 * Gives the client components inside it the messages of one scope (client-scopes.ts), and only
 * those: the provider's messages replace, not extend, the ones of a provider further out. A page
 * wraps everything it returns, so no client component of it is left reading the layout's.
 * The locale is given, not looked up: a nested layout can render before the page has set the
 * request's locale, and would then get the default language (links and all).
 */
export async function ClientMessages({ scope, locale, children }: { scope: ClientScope; locale: SiteLocale; children: ReactNode }) {
  const messages = pickMessages(await getMessages({ locale }), CLIENT_SCOPES[scope]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
