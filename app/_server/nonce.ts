import { headers } from 'next/headers';

/**
 * The CSP nonce the proxy made for this request (see proxy.ts), for the few inline scripts we
 * write ourselves. Reading it makes the page render per request, as a nonce must be fresh.
 */
export async function scriptNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}
