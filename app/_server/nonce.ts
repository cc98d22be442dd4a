import { headers } from 'next/headers';
import { NOT_FOUND_HEADER } from '@/lib/http/page-routes';

/**
 * The CSP nonce the proxy made for this request (see proxy.ts), for the few inline scripts we
 * write ourselves. Reading it makes the page render per request, as a nonce must be fresh.
 */
export async function scriptNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}

/**
 * The language the proxy asks the 404 page in when this URL is no page (lib/http/page-routes),
 * or null for a page.
 */
export async function notFoundLocale(): Promise<string | null> {
  return (await headers()).get(NOT_FOUND_HEADER);
}
