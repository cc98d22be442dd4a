'use client';
// The visitor's revision state (review cards, mistake book, exams, exam date) in localStorage,
// beside the quiz progress it is fed from. Practice and lesson answers are taken in whenever a
// revision page is open, so a miss anywhere is scheduled for review.
import { useCallback, useEffect } from 'react';
import { EMPTY_REVISION, ingestAttempts, parseRevisionState, type Now, type RevisionState } from '@/lib/revision';
import { storedValue } from './stored-value';
import { useQuizProgress } from './quiz-progress';

export const REVISION_KEY = 'synack:revision';

const revision = storedValue(REVISION_KEY, parseRevisionState, EMPTY_REVISION);

/** The one place the revision pages read the clock: lib/revision takes it as an argument. */
export function readNow(): Now {
  const d = new Date();
  return { at: d.getTime(), offsetMinutes: d.getTimezoneOffset() };
}

export function useRevision() {
  const state = revision.useValue();
  const { progress } = useQuizProgress();
  useEffect(() => {
    const current = revision.read();
    const next = ingestAttempts(current, progress.attempts);
    if (next !== current) revision.write(next);
  }, [progress]);
  const update = useCallback((change: (s: RevisionState) => RevisionState) => revision.write(change(revision.read())), []);
  return { state, update };
}
