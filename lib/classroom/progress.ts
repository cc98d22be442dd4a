// A visitor's progress (lessons done, quiz attempts) moving into their account: the browser's
// copy is validated like any other input and merged with what the account already holds. Pure.
import { z } from 'zod';
import { MISCONCEPTIONS, QUESTION_KINDS, responseSchema, SKILLS, type Progress } from '../quiz/index';

export const attemptSchema = z.object({
  at: z.number().finite(),
  item: z.string().max(200),
  kind: z.enum(QUESTION_KINDS),
  skill: z.enum(SKILLS),
  correct: z.boolean(),
  misconception: z.enum(MISCONCEPTIONS).nullable(),
  // A response of a shape no question takes is dropped, not the whole history with it.
  response: responseSchema.optional().catch(undefined),
});
export const quizProgressSchema = z.object({ version: z.literal(1), attempts: z.array(attemptSchema).max(1000) });
export const lessonsSchema = z.array(z.string().min(1).max(100)).max(200);

export interface AccountProgress {
  lessons: string[];
  quiz: Progress;
}

export const accountProgressSchema = z.object({ lessons: lessonsSchema, quiz: quizProgressSchema });

const MAX_ATTEMPTS = 1000;

/** Union of lessons; attempts from both in time order, each once (the same answer synced twice is one). */
export function mergeProgress(a: AccountProgress, b: AccountProgress): AccountProgress {
  const lessons = [...new Set([...a.lessons, ...b.lessons])].sort();
  const seen = new Set<string>();
  const attempts = [...a.quiz.attempts, ...b.quiz.attempts]
    .filter((x) => {
      const key = `${x.at}|${x.item}|${x.correct}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => x.at - y.at);
  return { lessons, quiz: { version: 1, attempts: attempts.slice(Math.max(0, attempts.length - MAX_ATTEMPTS)) } };
}

/** Stored progress read back: anything unexpected counts as none, never an error. */
export function parseStoredProgress(lessons: unknown, quiz: unknown): AccountProgress {
  const parsed = accountProgressSchema.safeParse({ lessons, quiz });
  return parsed.success ? parsed.data : { lessons: [], quiz: { version: 1, attempts: [] } };
}
