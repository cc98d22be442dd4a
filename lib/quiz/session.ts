// A practice session as plain data: the set of specs, the question the learner is on, and the
// first try at every question answered so far. Pure: the app keeps it in sessionStorage and the
// URL, so a reload or a switch of language continues where the learner was, and a question
// answered before the reload is not counted a second time.
import { encodeSet, type ItemSpec } from './spec';
import { MISCONCEPTIONS, type Misconception } from './misconceptions';
import { SKILLS, type Skill } from './skills';

/** How a question went at the first try: what progress and the summary count. */
export interface FirstTry {
  correct: boolean;
  skill: Skill;
  misconception: Misconception | null;
}

export interface PracticeSession {
  specs: ItemSpec[];
  /** The question shown, 0-based; equal to specs.length once finished. */
  position: number;
  /** By position: the first try, or null while unanswered. */
  answers: Array<FirstTry | null>;
}

export function startSession(specs: readonly ItemSpec[]): PracticeSession {
  return { specs: [...specs], position: 0, answers: specs.map(() => null) };
}

/** Records the first try at `position`; a question already answered keeps its first try. */
export function answerAt(s: PracticeSession, position: number, first: FirstTry): PracticeSession {
  if (position < 0 || position >= s.specs.length || s.answers[position]) return s;
  return { ...s, answers: s.answers.map((a, i) => (i === position ? first : a)) };
}

export const firstTryAt = (s: PracticeSession, position: number): FirstTry | null => s.answers[position] ?? null;

/** The next question; past the last one the session is finished. */
export function advance(s: PracticeSession): PracticeSession {
  return { ...s, position: Math.min(s.position + 1, s.specs.length) };
}

export const isFinished = (s: PracticeSession): boolean => s.position >= s.specs.length;

/** The same set from the start, nothing answered: "try again". */
export const restart = (s: PracticeSession): PracticeSession => startSession(s.specs);

/** The answered questions with their specs, in order: the summary. */
export function sessionResults(s: PracticeSession): Array<FirstTry & { spec: ItemSpec; position: number }> {
  return s.specs.flatMap((spec, position) => {
    const a = s.answers[position];
    return a ? [{ ...a, spec, position }] : [];
  });
}

interface Stored {
  q: string;
  position: number;
  answers: Array<FirstTry | null>;
}

/** The session as a string for storage; the set is its share-link form. */
export function serialiseSession(s: PracticeSession): string {
  const stored: Stored = { q: encodeSet(s.specs), position: s.position, answers: s.answers };
  return JSON.stringify(stored);
}

const isFirstTry = (x: unknown): x is FirstTry => {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Record<string, unknown>;
  return (
    typeof a.correct === 'boolean' &&
    (SKILLS as readonly unknown[]).includes(a.skill) &&
    (a.misconception === null || (MISCONCEPTIONS as readonly unknown[]).includes(a.misconception))
  );
};

/**
 * The stored session of set `specs`, or null when the text is not one, is of another set, or does
 * not fit it (storage is untrusted: another version of the app, or edited by hand).
 */
export function restoreSession(text: string | null, specs: readonly ItemSpec[]): PracticeSession | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<Stored>;
  if (s.q !== encodeSet(specs) || !Array.isArray(s.answers) || s.answers.length !== specs.length) return null;
  if (!Number.isInteger(s.position) || (s.position as number) < 0 || (s.position as number) > specs.length) return null;
  if (!s.answers.every((a) => a === null || isFirstTry(a))) return null;
  return { specs: [...specs], position: s.position as number, answers: s.answers };
}
