'use client';
// Quiz progress (answers, mastery, misconceptions) in localStorage, under its own key beside the
// lessons' completion list. What comes back from storage is validated: corrupt data starts fresh.
import { useCallback } from 'react';
import { storedValue } from './stored-value';
import { EMPTY_PROGRESS, migrateProgress, recordAttempt, type Attempt, type Progress } from '@/lib/quiz';
import { quizProgressSchema as progressSchema } from '@/lib/classroom/progress';

export const QUIZ_PROGRESS_KEY = 'synack:quiz-progress';

/** Parses stored progress; anything that is not valid progress gives the empty one. Pure. */
export function parseQuizProgress(raw: string | null): Progress {
  if (!raw) return EMPTY_PROGRESS;
  try {
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? migrateProgress(parsed.data) : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

const quizProgress = storedValue(QUIZ_PROGRESS_KEY, parseQuizProgress, EMPTY_PROGRESS);

/** Forgets this browser's quiz progress (at sign-out: it belongs to the account, which has it). */
export const clearQuizProgress = () => quizProgress.write(EMPTY_PROGRESS);

export function useQuizProgress() {
  const progress = quizProgress.useValue();
  const record = useCallback((attempt: Attempt) => quizProgress.write(recordAttempt(quizProgress.read(), attempt)), []);
  const reset = useCallback(() => quizProgress.write(EMPTY_PROGRESS), []);
  return { progress, record, reset };
}
