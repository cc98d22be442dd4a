// What the server refuses before any routing or rendering (pure): methods pages do not take,
// paths that are not valid percent-encoding, and paths too long to route. Each answer is a
// 4xx with a short plain-text body, never a 500 from deeper down.

/** Longer paths are refused with 414: no page has one, and hreflang headers would overflow. */
export const MAX_PATH_LENGTH = 2048;

/** Methods a page or static file answers; anything else (POST, PUT, DELETE, TRACE...) is 405. */
export const PAGE_METHODS = ['GET', 'HEAD'] as const;

export interface Refusal {
  status: 400 | 405 | 414;
  message: string;
  headers: Record<string, string>;
}

/**
 * Why a request must be refused, or null when it may go on. `rawPath` is the path as sent
 * (still percent-encoded). The method is not checked here on /api/**: the proxy checks it against
 * the methods each route exports (lib/http/api-methods).
 */
export function refuseRequest(method: string, rawPath: string): Refusal | null {
  if (rawPath.length > MAX_PATH_LENGTH) {
    return { status: 414, message: 'URI too long', headers: {} };
  }
  if (!isApiPath(rawPath) && !(PAGE_METHODS as readonly string[]).includes(method)) {
    return { status: 405, message: 'Method not allowed', headers: { Allow: PAGE_METHODS.join(', ') } };
  }
  if (!isValidPercentEncoding(rawPath)) {
    return { status: 400, message: 'Bad request: malformed percent-encoding in the URL', headers: {} };
  }
  return null;
}

/** True when every %XX escape is well formed and the bytes they spell are UTF-8. */
export function isValidPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** True for paths the API's route handlers own (their methods: lib/http/api-methods). */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
