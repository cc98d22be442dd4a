// Runs once when the Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseForbiddenMethods } = await import('./lib/http/forbidden-methods');
  refuseForbiddenMethods({ hsts: process.env.SYNACK_HSTS === '1' });
}
