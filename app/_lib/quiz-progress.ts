'use client';
// Quiz progress (answers, mastery, misconceptions) in localStorage, under its own key beside the
// lessons' completion list. What comes back from storage is validated: corrupt data starts fresh.
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { EMPTY_PROGRESS, MISCONCEPTIONS, QUESTION_KINDS, recordAttempt, SKILLS, type Attempt, type Progress } from '@/lib/quiz';

export const QUIZ_PROGRESS_KEY = 'synack:quiz-progress';
const EVENT = 'synack:quiz-progress';

const attemptSchema = z.object({
  at: z.number().finite(),
  item: z.string().max(200),
  kind: z.enum(QUESTION_KINDS),
  skill: z.enum(SKILLS),
  correct: z.boolean(),
  misconception: z.enum(MISCONCEPTIONS).nullable(),
});
const progressSchema = z.object({ version: z.literal(1), attempts: z.array(attemptSchema) });

/** Parses stored progress; anything that is not valid progress gives the empty one. Pure. */
export function parseQuizProgress(raw: string | null): Progress {
  if (!raw) return EMPTY_PROGRESS;
  try {
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

let lastRaw: string | null = null;
let lastValue: Progress = EMPTY_PROGRESS;

function read(): Progress {
  let raw: string | null;
  try {
    raw = localStorage.getItem(QUIZ_PROGRESS_KEY);
  } catch {
    return EMPTY_PROGRESS;
  }
  // Same string, same object: useSyncExternalStore needs a stable snapshot.
  if (raw === lastRaw) return lastValue;
  lastRaw = raw;
  lastValue = parseQuizProgress(raw);
  return lastValue;
}

function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === QUIZ_PROGRESS_KEY) onChange();
  };
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

function write(progress: Progress) {
  try {
    localStorage.setItem(QUIZ_PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(EVENT));
}

export function useQuizProgress() {
  const progress = useSyncExternalStore(subscribe, read, () => EMPTY_PROGRESS);
  const record = useCallback((attempt: Attempt) => write(recordAttempt(read(), attempt)), []);
  const reset = useCallback(() => write(EMPTY_PROGRESS), []);
  return { progress, record, reset };
}
