// Runs once when the Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { hookHttpServers } = await import('./lib/http/server-hooks');
  hookHttpServers({ hsts: process.env.SYNACK_HSTS === '1' });
}
