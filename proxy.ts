import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './app/_lib/i18n/routing';
import { negotiateLocale } from './app/_lib/i18n/negotiate';

const intl = createMiddleware(routing);

/** Top-level routes that exist under every locale: an unprefixed visit is redirected to them. */
const LOCALIZED_ROUTES = new Set(['', 'learn', 'glossary']);

/**
 * `/` and unprefixed app routes redirect to the visitor's language (next-intl does the
 * negotiation and remembers the choice). Any other first segment is not a locale we have:
 * rather than redirect `/fr/x` to `/en/fr/x`, render the localized 404 in place.
 */
export function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split('/')[1] ?? '';
  if ((routing.locales as readonly string[]).includes(first) || LOCALIZED_ROUTES.has(first)) {
    return intl(request);
  }
  const cookie = request.cookies.get('NEXT_LOCALE')?.value;
  const locale = (routing.locales as readonly string[]).includes(cookie ?? '')
    ? cookie
    : negotiateLocale(request.headers.get('accept-language'));
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${request.nextUrl.pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  // Skip Next internals and files with an extension (favicon.ico, robots.txt, ...).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
