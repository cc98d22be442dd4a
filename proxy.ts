import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './app/_lib/i18n/routing';
import { negotiateLocale } from './app/_lib/i18n/negotiate';
import { isApiPath, refuseRequest } from './lib/http/request-guard';
import { newNonce, securityHeaders } from './lib/http/security-headers';
import { crossSiteRefusal, type RequestOrigin } from './lib/http/cross-site';
import { isPage, NOT_FOUND_HEADER, pageTableFromEnv } from './lib/http/page-routes';
import { allowedApiMethods, apiMethodTableFromEnv } from './lib/http/api-methods';

const LOCALES: readonly string[] = routing.locales;

/**
 * The first path segments of the pages under app/[locale], read from the app folder by
 * next.config.js at build time (so a new page needs no edit here); '' is the home page.
 */
const LOCALIZED_ROUTES = new Set((process.env.SYNACK_LOCALIZED_ROUTES ?? '').split(','));

/** Every localized page, to answer any other URL with the localized 404 page (lib/http/page-routes). */
const PAGES = pageTableFromEnv(process.env.SYNACK_PAGE_ROUTES, process.env.SYNACK_LESSON_SLUGS);

/** The methods each API route takes (lib/http/api-methods), for the Allow header of a 405. */
const API_METHODS = apiMethodTableFromEnv(process.env.SYNACK_API_METHODS);

const HSTS = process.env.SYNACK_HSTS === '1';
/** The site's public origin (lib/env.ts), which a request's Origin may name behind a TLS proxy. */
const PUBLIC_ORIGIN = process.env.BETTER_AUTH_URL || null;
const DEV = process.env.NODE_ENV === 'development';
const LOCALE_COOKIE = 'NEXT_LOCALE';

/**
 * Every request passes here first:
 * - bad URLs and methods pages do not take are refused (400/405/414) before Next routes them,
 *   a state-changing API request another site made the browser send is a 403, and a method an
 *   API route does not take a 405 that lists the ones it does;
 * - every response gets the security headers, pages a CSP nonce that the layout and Next.js
 *   put on their scripts (so pages render per request);
 * - an unprefixed page (`/`, `/sandbox`) redirects to the visitor's language, privately, since
 *   the answer depends on the cookie and Accept-Language;
 * - a URL that is no page (`/en/nothing`, `/en/learn/no-such-lesson`, `/fr/x`) is a 404 that
 *   draws the localized 404 page: in the URL's language, else the visitor's.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const refusal = refuseRequest(request.method, path);
  if (refusal) {
    const response = new NextResponse(`${refusal.message}\n`, {
      status: refusal.status,
      headers: { ...refusal.headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
    return secured(response);
  }
  const forged = isApiPath(path) ? crossSiteRefusal(requestOrigin(request)) : null;
  if (forged) {
    const body = JSON.stringify({ code: 'crossSiteRequest', message: forged });
    return secured(new NextResponse(body, { status: 403, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } }));
  }
  const first = path.split('/')[1] ?? '';
  if (!LOCALES.includes(first)) {
    if (isApiPath(path)) return secured(apiMethodRefusal(request) ?? NextResponse.next());
    if (isFile(path)) return secured(withoutRange(request));
    if (LOCALIZED_ROUTES.has(first)) return redirectToLocale(request);
    return page(request, null, negotiatedLocale(request));
  }
  const rest = path.split('/').slice(2).filter(Boolean);
  if (isFile(path) || isPage(PAGES, first, rest)) return page(request, first);
  return page(request, first, first);
}

/**
 * A 405 that lists the methods (Allow, RFC 9110 15.5.6) for a method the API route does not take;
 * Next.js's own is bare. Null when the route takes it, or when there is no such route (a 404).
 */
function apiMethodRefusal(request: NextRequest): NextResponse | null {
  const allowed = allowedApiMethods(API_METHODS, request.nextUrl.pathname.split('/').filter(Boolean));
  if (!allowed || allowed.includes(request.method)) return null;
  const body = JSON.stringify({ code: 'methodNotAllowed', message: `Method not allowed: this address takes ${allowed.join(', ')}` });
  return new NextResponse(body, { status: 405, headers: { Allow: allowed.join(', '), 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/**
 * A static file request passed on without its Range header: Next.js's file server answers a
 * malformed or unsatisfiable range (`bytes=abc`, `bytes=999999-`, `bytes=5-2`) with a 500. A
 * server may ignore Range (RFC 9110 14.2), and every file here is small, so it is sent whole.
 */
function withoutRange(request: NextRequest): NextResponse {
  if (!request.headers.has('range')) return NextResponse.next();
  const forwarded = new Headers(request.headers);
  forwarded.delete('range');
  return NextResponse.next({ request: { headers: forwarded } });
}

/** Where a request says it comes from (lib/http/cross-site). */
function requestOrigin(request: NextRequest): RequestOrigin {
  const h = request.headers;
  return { method: request.method, fetchSite: h.get('sec-fetch-site'), origin: h.get('origin'), host: h.get('host'), publicOrigin: PUBLIC_ORIGIN };
}

/** Next's own files and files with an extension (icon.svg, robots.txt, the service worker). */
function isFile(path: string): boolean {
  return path.startsWith('/_next/') || /\.[^/]*$/.test(path);
}

/**
 * A page response with its nonce; `notFoundIn` makes it a 404 whose layout draws the 404 page in
 * that language instead of the page (NOT_FOUND_HEADER), since a notFound() thrown while
 * rendering reaches the visitor as an empty shell (lib/http/page-routes).
 */
function page(request: NextRequest, locale: string | null, notFoundIn?: string): NextResponse {
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, hsts: HSTS, dev: DEV });
  const forwarded = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header; the layout reads x-nonce.
  forwarded.set('x-nonce', nonce);
  forwarded.set('content-security-policy', headers['Content-Security-Policy'] as string);
  if (notFoundIn) forwarded.set(NOT_FOUND_HEADER, notFoundIn);
  else forwarded.delete(NOT_FOUND_HEADER);
  const response = NextResponse.next({ request: { headers: forwarded }, ...(notFoundIn ? { status: 404 } : {}) });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Remember the language the visitor chose, for the next unprefixed visit.
  if (locale && request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

/** The language of the visitor's cookie, else of Accept-Language. */
function negotiatedLocale(request: NextRequest): string {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value ?? '';
  return LOCALES.includes(cookie) ? cookie : negotiateLocale(request.headers.get('accept-language'));
}

function redirectToLocale(request: NextRequest): NextResponse {
  const locale = negotiatedLocale(request);
  const path = request.nextUrl.pathname === '/' ? '' : request.nextUrl.pathname;
  const target = new URL(`/${locale}${path}${request.nextUrl.search}`, request.nextUrl);
  // Next.js makes a same-origin Location relative, so the internal host never reaches the visitor.
  const response = NextResponse.redirect(target, 307);
  response.headers.set('Cache-Control', 'private, no-store');
  response.headers.set('Vary', 'Accept-Language, Cookie');
  return secured(response);
}

function secured(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders({ hsts: HSTS, dev: DEV }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything: static files and API answers get the security headers too.
  matcher: '/:path*',
};
