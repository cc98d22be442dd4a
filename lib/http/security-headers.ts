// The security headers every response carries (pure). Pages get a Content-Security-Policy
// with a fresh nonce: Next.js puts it on its own scripts, the layout on the theme script, and
// no other inline script runs. Everything else (static files, API answers, 404s) gets the same
// policy without a nonce, which allows no script at all to run inline.

export interface SecurityOptions {
  /** The page's script nonce; omitted for responses that are not pages. */
  nonce?: string;
  /** Send Strict-Transport-Security (only when the site is served over HTTPS). */
  hsts: boolean;
  /** `next dev` evaluates code for its error overlay and hot reload. */
  dev: boolean;
}

/** Two years, the preload list's minimum, as the operator has said the site is HTTPS only. */
const HSTS = 'max-age=63072000; includeSubDomains';

export function contentSecurityPolicy({ nonce, dev }: Omit<SecurityOptions, 'hsts'>): string {
  const script = nonce
    ? // 'strict-dynamic': chunks that Next's nonced scripts load are trusted, nothing else.
      `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`
    : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // React writes style attributes (diagram geometry); style elements come from our CSS files.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
  };
  if (options.hsts) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

/** A nonce of 128 random bits, base64, as CSP3 asks. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
