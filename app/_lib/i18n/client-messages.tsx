import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pageLocale, type SiteLocale } from './page';
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

type LocalePageProps = { params: Promise<{ locale: string }> };

/**
 * A page whose content returns early in several places (a visitor, a 404, the instructor's or
 * the student's view), wrapped whole in its scope's messages, so no return is left outside.
 * The content gets the page's locale, already checked and set for the request.
 */
export function pageWithMessages<Props extends LocalePageProps>(scope: ClientScope, Content: (props: Props & { locale: SiteLocale }) => Promise<ReactNode>) {
  return async function PageWithMessages(props: Props) {
    const locale = await pageLocale(props.params);
    return (
      <ClientMessages scope={scope} locale={locale}>
        <Content {...props} locale={locale} />
      </ClientMessages>
    );
  };
}
