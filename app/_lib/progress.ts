'use client';

import { useCallback } from 'react';
import { storedValue } from './stored-value';

const EMPTY: readonly string[] = [];

function parseSlugs(raw: string | null): readonly string[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : EMPTY;
  } catch {
    return EMPTY;
  }
}

/** Completed lesson slugs, kept in localStorage (no account needed). */
export const LESSON_PROGRESS_KEY = 'synack:progress';
const completedLessons = storedValue(LESSON_PROGRESS_KEY, parseSlugs, EMPTY);

/** Forgets this browser's completed lessons (at sign-out: the account has them). */
export const clearLessonProgress = () => completedLessons.write(EMPTY);

export function useProgress() {
  const completed = completedLessons.useValue();
  const setComplete = useCallback((slug: string, done: boolean) => {
    const current = completedLessons.read();
    completedLessons.write([...new Set(done ? [...current, slug] : current.filter((s) => s !== slug))]);
  }, []);
  const reset = useCallback(() => completedLessons.write(EMPTY), []);
  return { completed, setComplete, reset };
}
