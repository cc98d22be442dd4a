// A practice session as plain data: the set of specs, the question the learner is on, and the
// first try at every question answered so far. Pure: the app keeps it in sessionStorage and the
// URL, so a reload or a switch of language continues where the learner was, and a question
// answered before the reload is not counted a second time. An endless run is a session whose
// set grows by one question each time the learner moves on.
import type { Response } from './check';
import { MISCONCEPTIONS, type Misconception } from './misconceptions';
import { endlessItemAt, type EndlessRun } from './practice-set';
import { responseSchema } from './response-schema';
import { SKILLS, type Skill } from './skills';
import { encodeSet, type ItemSpec } from './spec';

/** How a question went at the first try: what progress and the summary count. */
export interface FirstTry {
  correct: boolean;
  skill: Skill;
  misconception: Misconception | null;
  /** What was answered, so the summary can open the question on it again (absent in older sessions). */
  response?: Response;
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

/** Ends the session where it is (an endless run's "stop"): the summary counts what was answered. */
export const finish = (s: PracticeSession): PracticeSession => ({ ...s, position: s.specs.length });

/** An endless run from its first question; with none askable it starts finished. */
export function startEndless(run: EndlessRun): PracticeSession {
  const first = endlessItemAt(run, 0);
  return startSession(first ? [first.spec] : []);
}

/** An endless run moved on: its next question joins the set; with none askable the run is over. */
export function advanceEndless(s: PracticeSession, run: EndlessRun): PracticeSession {
  const next = endlessItemAt(run, s.specs.length);
  if (!next) return finish(s);
  return { specs: [...s.specs, next.spec], position: s.position + 1, answers: [...s.answers, null] };
}

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
    (a.misconception === null || (MISCONCEPTIONS as readonly unknown[]).includes(a.misconception)) &&
    (a.response === undefined || responseSchema.safeParse(a.response).success)
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

/** The longest endless run a reload continues: rebuilding it costs one item per question. */
const MAX_ENDLESS = 500;

/**
 * The stored session of an endless run, or null when the text is not one of this run: its set
 * must be the run's own first questions, in order (the set is rebuilt from the run's seed, and
 * storage only says how far it got).
 */
export function restoreEndless(text: string | null, run: EndlessRun): PracticeSession | null {
  if (!text) return null;
  let q: unknown;
  try {
    q = (JSON.parse(text) as Partial<Stored> | null)?.q;
  } catch {
    return null;
  }
  if (typeof q !== 'string') return null;
  const length = q.split('~').length;
  if (length > MAX_ENDLESS) return null;
  const own: ItemSpec[] = [];
  for (let i = 0; i < length; i++) {
    const next = endlessItemAt(run, i);
    if (!next) return null;
    own.push(next.spec);
  }
  return restoreSession(text, own);
}
