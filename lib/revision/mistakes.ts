// The mistake book (错题本): every wrong answer, with where it came from, filterable by skill and
// misconception. Entries keep the question's ref and the learner's response; the right answer and
// the rule are recomputed from the ref by the engine when shown, never stored. Pure.
import type { Misconception, QuestionKind, Skill } from '../quiz/index';
import { freshRef, targetOf } from './targets';

export const MISTAKE_SOURCES = ['practice', 'lesson', 'exam', 'review'] as const;
export type MistakeSource = (typeof MISTAKE_SOURCES)[number];

export interface Mistake {
  at: number;
  /** The question's ref (a spec), or a lesson question's key (`lesson:/en/learn/slug#block`). */
  ref: string;
  source: MistakeSource;
  kind: QuestionKind | 'track';
  skill: Skill;
  misconception: Misconception | null;
  /** What the learner answered, when it is known (not for answers recorded before responses were kept). */
  response: unknown;
}

export interface MistakeFilter {
  skill?: Skill | null;
  misconception?: Misconception | null;
}

/** The book keeps the most recent mistakes; an old one beyond this is dropped first. */
export const MAX_MISTAKES = 500;

/** Adds a mistake; the same question missed again replaces its older entry. */
export function addMistake(book: readonly Mistake[], m: Mistake): Mistake[] {
  const rest = book.filter((x) => x.ref !== m.ref);
  const all = [...rest, m].sort((x, y) => x.at - y.at);
  return all.slice(Math.max(0, all.length - MAX_MISTAKES));
}

export function removeMistake(book: readonly Mistake[], ref: string): Mistake[] {
  return book.filter((m) => m.ref !== ref);
}

/** The entries matching the filter, newest first. */
export function filterMistakes(book: readonly Mistake[], f: MistakeFilter): Mistake[] {
  return book.filter((m) => (!f.skill || m.skill === f.skill) && (!f.misconception || m.misconception === f.misconception)).sort((x, y) => y.at - x.at);
}

/** How many entries each skill and each misconception has, most first: the filter's choices. */
export function mistakeFacets(book: readonly Mistake[]): { skills: Array<[Skill, number]>; misconceptions: Array<[Misconception, number]> } {
  const count = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((x, y) => y[1] - x[1]);
  };
  return {
    skills: count(book.map((m) => m.skill)),
    misconceptions: count(book.flatMap((m) => (m.misconception ? [m.misconception] : []))),
  };
}

/**
 * The question a retry asks: the same skill in the same shape with fresh numbers from `seed`,
 * whatever the entry came from (a practice spec, a lesson block, a review, an exam), never the
 * question missed. Null only when that shape cannot be built. Pure.
 */
export function retryRefOf(m: Mistake, seed: number): string | null {
  return freshRef(targetOf(m.ref, { skill: m.skill, kind: m.kind === 'track' ? 'multiple_choice' : m.kind }), seed, m.ref);
}
