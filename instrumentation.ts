// Runs once when the Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { hookHttpServers } = await import('./lib/http/server-hooks');
  const { trustedProxies } = await import('./lib/http/client-address');
  hookHttpServers({ hsts: process.env.SYNACK_HSTS === '1', trustedProxies: trustedProxies(process.env.SYNACK_TRUSTED_PROXIES) });
}
