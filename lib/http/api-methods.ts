// Which methods each API route takes (pure), from the table next.config.js reads out of
// app/api/**/route.ts at build time. Next.js answers a method a route does not export with a
// bare 405; RFC 9110 15.5.6 wants the Allow header on it, so the proxy answers those itself.

import { stringListsFromEnv } from './page-routes';

/** Route pattern under the site root ('api/classes/[id]') -> the methods its route.ts exports. */
export type ApiMethodTable = Record<string, string[]>;

/** The table next.config.js put in the environment (empty when it did not, or when it is not JSON). */
export const apiMethodTableFromEnv: (text: string | undefined) => ApiMethodTable = stringListsFromEnv;

/**
 * What the route `segments` (the path split on '/', empty parts dropped) reaches takes, as Next.js
 * lists it in its own OPTIONS answer: the exported methods, HEAD where there is GET, and OPTIONS;
 * sorted. Null when no route matches (Next.js answers 404). Where several patterns match, the
 * one Next.js routes to wins: a static segment before a `[param]`, a `[param]` before a `[...rest]`.
 */
export function allowedApiMethods(table: ApiMethodTable, segments: readonly string[]): string[] | null {
  let best: { rank: number[]; methods: string[] } | null = null;
  for (const [route, methods] of Object.entries(table)) {
    const rank = matchRank(route.split('/'), segments);
    if (rank && (!best || compareRanks(rank, best.rank) < 0)) best = { rank, methods };
  }
  if (!best) return null;
  const allowed = new Set([...best.methods, 'OPTIONS']);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}

/** Per pattern part, 0 for a static segment, 1 for `[param]`, 2 for `[...rest]`; null when it does not match. */
function matchRank(pattern: readonly string[], segments: readonly string[]): number[] | null {
  const rank: number[] = [];
  for (const [i, part] of pattern.entries()) {
    if (/^\[\.\.\..+\]$/.test(part)) return i === pattern.length - 1 && segments.length > i ? [...rank, 2] : null;
    const segment = segments[i];
    if (segment === undefined) return null;
    if (/^\[.+\]$/.test(part)) rank.push(1);
    else if (part === segment) rank.push(0);
    else return null;
  }
  return segments.length === pattern.length ? rank : null;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}
