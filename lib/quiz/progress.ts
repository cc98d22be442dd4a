// Learner progress as plain data: a capped history of attempts, from which per-skill mastery and
// misconception counts are derived. Pure functions; the app decides where it is stored
// (localStorage for a visitor, the account later). Time comes in as an argument.
import type { QuestionKind } from './catalog';
import type { Response } from './check';
import type { Misconception } from './misconceptions';
import { migrateItemRef } from './lesson-ref';
import { SKILLS, type Skill } from './skills';

export interface Attempt {
  at: number;
  item: string;
  kind: QuestionKind;
  skill: Skill;
  correct: boolean;
  misconception: Misconception | null;
  /** What the learner answered at this first try, so the mistake book can show it (absent in older records). */
  response?: Response;
}

export interface Progress {
  version: 1;
  attempts: Attempt[];
}

export const EMPTY_PROGRESS: Progress = { version: 1, attempts: [] };
const MAX_ATTEMPTS = 1000;
/**
 * Recent answers count more: each answer weighs this much less than the next newer one, so what
 * a learner does now outweighs how they began.
 */
export const MASTERY_DECAY = 0.85;

/** Stored progress in today's form: lesson questions named by block id, not position. Pure. */
export function migrateProgress(p: Progress): Progress {
  return { version: 1, attempts: p.attempts.map((a) => ({ ...a, item: migrateItemRef(a.item) })) };
}

export function recordAttempt(p: Progress, a: Attempt): Progress {
  const attempts = [...p.attempts, a];
  return { version: 1, attempts: attempts.slice(Math.max(0, attempts.length - MAX_ATTEMPTS)) };
}

/** A question as progress counts it: its latest answer, and how many times it was answered. */
export type LatestAnswer = Attempt & { tries: number };

/**
 * Each question once, at its latest answer, in the order of those answers. A question answered
 * again ("Practice the same questions again", a review link) is a retry of the same item, not a
 * new one: counting every answer would let a learner inflate their figures by repeating one set.
 * Pure.
 */
export function latestAnswers(p: Progress): LatestAnswer[] {
  const latest = new Map<string, LatestAnswer>();
  for (const a of p.attempts) {
    const tries = (latest.get(a.item)?.tries ?? 0) + 1;
    latest.delete(a.item); // re-inserted, so the map's order is that of each question's latest answer
    latest.set(a.item, { ...a, tries });
  }
  return [...latest.values()];
}

/** Which try at its question each attempt was (1 for the first answer), in the history's order. Pure. */
export function tryNumbers(p: Progress): number[] {
  const seen = new Map<string, number>();
  return p.attempts.map((a) => {
    const n = (seen.get(a.item) ?? 0) + 1;
    seen.set(a.item, n);
    return n;
  });
}

export interface ProgressTotals {
  /** Distinct questions answered. */
  questions: number;
  /** Of those, right at the first try of their latest answer. */
  correct: number;
  /** Every answer, retries included. */
  attempts: number;
}

export function progressTotals(p: Progress): ProgressTotals {
  const latest = latestAnswers(p);
  return { questions: latest.length, correct: latest.filter((a) => a.correct).length, attempts: p.attempts.length };
}

export interface SkillMastery extends ProgressTotals {
  skill: Skill;
  /** 0..1: the estimate of answering right next time; 0 before any attempt. */
  mastery: number;
}

/**
 * A smoothed estimate of the chance of answering this skill right next time: (right + 1) /
 * (answers + 2), counting each answer MASTERY_DECAY times as much as the next newer one (Laplace's
 * rule of succession, weighted for recency). One answer is weak evidence, so 1 of 1 right is 67%,
 * not 100% or (as an exponential average from zero gave) 30%; it nears 100% as right answers add
 * up and falls after a wrong one. Each question counts once, at its latest answer (latestAnswers).
 * The progress page states this formula next to the figures. Pure.
 */
export function masteryBySkill(p: Progress): SkillMastery[] {
  const latest = latestAnswers(p);
  return SKILLS.map((skill) => {
    let questions = 0;
    let correct = 0;
    let attempts = 0;
    let weightRight = 0;
    let weightAll = 0;
    for (const a of latest) {
      if (a.skill !== skill) continue;
      questions++;
      attempts += a.tries;
      if (a.correct) correct++;
      weightRight = weightRight * MASTERY_DECAY + (a.correct ? 1 : 0);
      weightAll = weightAll * MASTERY_DECAY + 1;
    }
    return { skill, questions, correct, attempts, mastery: questions === 0 ? 0 : (weightRight + 1) / (weightAll + 2) };
  });
}

/** The misconceptions behind the questions still wrong at their latest answer, most frequent first. Pure. */
export function misconceptionCounts(p: Progress): Array<{ misconception: Misconception; count: number }> {
  return countMisconceptions(latestAnswers(p));
}

/** How often each misconception was seen in these first tries, most frequent first. Pure. */
export function countMisconceptions(tries: ReadonlyArray<{ misconception: Misconception | null }>): Array<{ misconception: Misconception; count: number }> {
  const counts = new Map<Misconception, number>();
  for (const a of tries) if (a.misconception) counts.set(a.misconception, (counts.get(a.misconception) ?? 0) + 1);
  return [...counts].map(([misconception, count]) => ({ misconception, count })).sort((x, y) => y.count - x.count);
}
