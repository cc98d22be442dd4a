// Cross-site request forgery, refused at the door (pure). A page on another site can make the
// visitor's browser send a request that carries the visitor's cookies; the session cookie's
// SameSite=Lax and the API's JSON-only bodies already stop the ones a browser sends today, and
// this is the layer that does not depend on either: a browser says where a request comes from
// (Sec-Fetch-Site on every request, Origin on every POST), and a state-changing request to the
// API from anywhere but this site's own pages is a 403. A request with neither header is not a
// browser's (curl, a script), so no one else's cookies ride on it: it goes on.

/** Methods that change nothing: never refused here. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestOrigin {
  method: string;
  /** The Sec-Fetch-Site header: 'same-origin', 'same-site', 'cross-site' or 'none'. */
  fetchSite: string | null;
  /** The Origin header as sent ('null' for an opaque origin). */
  origin: string | null;
  /** The Host header the request came to. */
  host: string | null;
  /** The site's public origin when the operator set it (BETTER_AUTH_URL), e.g. behind a TLS proxy. */
  publicOrigin: string | null;
}

/** Why a request looks forged, or null when it may go on. */
export function crossSiteRefusal(request: RequestOrigin): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  // 'none' is the user's own doing (typed in, a bookmark); 'same-site' is a sibling subdomain,
  // which is someone else's site as far as this one is concerned.
  if (request.fetchSite !== null && request.fetchSite !== 'same-origin' && request.fetchSite !== 'none') {
    return `cross-site request refused (Sec-Fetch-Site: ${request.fetchSite.slice(0, 20)})`;
  }
  if (request.origin !== null && !isOwnOrigin(request.origin, request.host, request.publicOrigin)) {
    return 'cross-site request refused (Origin is not this site)';
  }
  return null;
}

/**
 * True when `origin` is this site: its host is the one the request came to (so a TLS proxy in
 * front, which changes the scheme, does not matter), or it is the configured public origin.
 */
function isOwnOrigin(origin: string, host: string | null, publicOrigin: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // 'null' and anything else that is no origin
  }
  if (publicOrigin !== null && parsed.origin === safeOrigin(publicOrigin)) return true;
  return host !== null && parsed.host === host.toLowerCase();
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
