// The reader's time zone, for the moments the classroom shows (opens, due, answers until): the
// browser tells it once in a cookie, and the server formats every moment in it. Pure.

export const TIME_ZONE_COOKIE = 'synack-tz';

/** Until the browser has said otherwise: the zone every moment is written in, named on the page. */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The IANA zone a cookie names, as the browser spelled it (so the browser sees its own name come
 * back), or null for anything this runtime's Intl does not know: a forged or garbled cookie falls
 * back to the default, never throws.
 */
export function validTimeZone(name: string | undefined): string | null {
  if (!name || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}
