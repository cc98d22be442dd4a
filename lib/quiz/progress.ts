// Learner progress as plain data: a capped history of attempts, from which per-skill mastery and
// misconception counts are derived. Pure functions; the app decides where it is stored
// (localStorage for a visitor, the account later). Time comes in as an argument.
import type { QuestionKind } from './catalog';
import type { Response } from './grade';
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
/** Recent answers count more: mastery is an exponentially weighted share of right answers. */
const RECENCY = 0.3;

/** Stored progress in today's form: lesson questions named by block id, not position. Pure. */
export function migrateProgress(p: Progress): Progress {
  return { version: 1, attempts: p.attempts.map((a) => ({ ...a, item: migrateItemRef(a.item) })) };
}

export function recordAttempt(p: Progress, a: Attempt): Progress {
  const attempts = [...p.attempts, a];
  return { version: 1, attempts: attempts.slice(Math.max(0, attempts.length - MAX_ATTEMPTS)) };
}

export interface SkillMastery {
  skill: Skill;
  attempts: number;
  correct: number;
  /** 0..1; 0 before any attempt. */
  mastery: number;
}

export function masteryBySkill(p: Progress): SkillMastery[] {
  return SKILLS.map((skill) => {
    let mastery = 0;
    let attempts = 0;
    let correct = 0;
    for (const a of p.attempts) {
      if (a.skill !== skill) continue;
      attempts++;
      if (a.correct) correct++;
      mastery = mastery * (1 - RECENCY) + (a.correct ? RECENCY : 0);
    }
    return { skill, attempts, correct, mastery };
  });
}

export function misconceptionCounts(p: Progress): Array<{ misconception: Misconception; count: number }> {
  const counts = new Map<Misconception, number>();
  for (const a of p.attempts) if (a.misconception) counts.set(a.misconception, (counts.get(a.misconception) ?? 0) + 1);
  return [...counts].map(([misconception, count]) => ({ misconception, count })).sort((x, y) => y.count - x.count);
}
