// What a practice link holds, read from untrusted query parameters. Pure.
import { parseSeed } from '@/lib/engine';
import { decodeSpec, encodeSpec, TOPICS, type EndlessRun, type Topic } from '@/lib/quiz';

export type EndlessLink = EndlessRun & { topics: Topic[] };

/** `repeats`: how many specs of a set's link named a question already in it, and were dropped. */
export type PracticeLink = { mode: 'set'; q: string; repeats: number } | ({ mode: 'endless' } & EndlessLink) | { mode: 'none' };

type Params = Record<string, string | string[] | undefined>;

/**
 * The most questions a shared set holds, as many as the practice form makes. Every question of
 * a set is built while the page renders, so this bounds the server's work per request whatever
 * a link holds (a spec is short; the character cap stops a huge one before it is split).
 */
export const MAX_SET_SIZE = 50;
const MAX_SET_CHARS = MAX_SET_SIZE * 64;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * A set's entries with repeated questions dropped (the first occurrence kept, by canonical spec,
 * so "ack.handshake.01.b" repeats "ack.handshake.1.b"), then capped. A bad entry is kept: the
 * page counts it as skipped.
 */
function readSet(entries: string[]): PracticeLink {
  const seen = new Set<string>();
  const kept = entries.filter((entry) => {
    const spec = decodeSpec(entry);
    if (!spec) return true;
    const key = encodeSpec(spec);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { mode: 'set', q: kept.slice(0, MAX_SET_SIZE).join('~'), repeats: entries.length - kept.length };
}

/** `?q=<set>` replays a set; `?endless=1&seed=&topics=&level=` resumes an endless run. */
export function readPracticeLink(params: Params): PracticeLink {
  const q = one(params.q);
  if (q) return readSet(q.slice(0, MAX_SET_CHARS).split('~'));
  if (one(params.endless) !== '1') return { mode: 'none' };
  const seed = parseSeed(one(params.seed) ?? '');
  if (seed === null) return { mode: 'none' };
  const topics = (one(params.topics) ?? '').split(',').filter((x): x is Topic => (TOPICS as readonly string[]).includes(x));
  if (topics.length === 0) return { mode: 'none' };
  const level = one(params.level);
  return { mode: 'endless', seed, topics: [...new Set(topics)], difficulty: level === 'e' ? 'expert' : 'beginner' };
}

export function endlessQuery(link: EndlessLink): string {
  return `endless=1&seed=${link.seed}&topics=${link.topics.join(',')}&level=${link.difficulty === 'expert' ? 'e' : 'b'}`;
}
