// Which localized URLs are pages (pure): for every other one the proxy answers 404 and asks the
// layout to draw the localized 404 page itself (NOT_FOUND_HEADER), because a notFound() thrown
// while rendering reaches the visitor as Next's empty `__next_error__` shell in production
// builds (vercel/next.js#62228), blank without JavaScript and without the site's header.

/** The request header the proxy sets on a URL that is no page: the language to say so in. */
export const NOT_FOUND_HEADER = 'x-synack-not-found';

/**
 * What a dynamic segment must look like to name anything: class and assignment ids are UUIDs
 * (lib/classroom makes them with randomUUID), so `/en/assignments/abc` is a 404 here. A
 * well-formed id that names nothing is still the page's own notFound().
 */
const PARAM_SHAPES: Record<string, RegExp> = {
  '[id]': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

export interface PageTable {
  /** Path patterns under a locale, from the app folder: '', 'practice', 'learn/[slug]'. */
  routes: string[];
  /** The only values a `[slug]` of learn/[slug] takes, by locale (it has dynamicParams = false). */
  lessonSlugs: Record<string, string[]>;
}

/** The table next.config.js put in the environment at build time (empty when it did not). */
export function pageTableFromEnv(routes: string | undefined, lessonSlugs: string | undefined): PageTable {
  return { routes: parseList(routes), lessonSlugs: stringListsFromEnv(lessonSlugs) };
}

/**
 * True when `segments` (the path after the locale, split on '/', empty parts dropped) is one of
 * the table's pages: a static segment matches itself, `[param]` any one segment of its shape,
 * and learn/[slug] only a lesson of that locale.
 */
export function isPage(table: PageTable, locale: string, segments: readonly string[]): boolean {
  // No table (a build without next.config's env): let Next route everything, as before.
  if (table.routes.length === 0) return true;
  return table.routes.some((route) => {
    const pattern = route === '' ? [] : route.split('/');
    if (pattern.length !== segments.length) return false;
    return pattern.every((part, i) => {
      const segment = segments[i] as string;
      if (route === 'learn/[slug]' && i === 1) return (table.lessonSlugs[locale] ?? []).includes(segment);
      if (!/^\[[^.].*\]$/.test(part)) return part === segment;
      return PARAM_SHAPES[part]?.test(segment) ?? true;
    });
  });
}

function parseList(text: string | undefined): string[] {
  const value = parseJson(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A JSON object of string lists from the environment; {} for anything else (missing, not JSON, another shape). */
export function stringListsFromEnv(text: string | undefined): Record<string, string[]> {
  const value = parseJson(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []]));
}

function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
