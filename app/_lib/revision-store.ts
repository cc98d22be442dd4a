'use client';
// The learner's revision state (review cards, mistake book, exams, exam date) in localStorage,
// beside the quiz progress it is fed from; practice and lesson answers are taken in whenever a
// revision page is open, so a miss anywhere is scheduled for review. For a signed-in learner the
// state is also merged with the account's (POST /api/revision) after each change and when the
// network comes back: what was answered offline stays here until then, and nothing is lost.
import { useCallback, useEffect } from 'react';
import { EMPTY_REVISION, ingestAttempts, mergeRevision, parseRevisionState, revisionStateOf, type Now, type RevisionState } from '@/lib/revision';
import { storedValue } from './stored-value';
import { useQuizProgress } from './quiz-progress';

export const REVISION_KEY = 'synack:revision';

const revision = storedValue(REVISION_KEY, parseRevisionState, EMPTY_REVISION);

/** The one place the revision pages read the clock: lib/revision takes it as an argument. */
export function readNow(): Now {
  const d = new Date();
  return { at: d.getTime(), offsetMinutes: d.getTimezoneOffset() };
}

const SYNC_DELAY_MS = 1500;
let syncTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

async function mergeWithAccount(): Promise<boolean> {
  if (!navigator.onLine) return false; // offline: the 'online' event brings the next try
  try {
    const session = await fetch('/api/auth/get-session', { cache: 'no-store' });
    if (!session.ok) return false;
    if ((await session.json()) === null) return true; // a visitor: the browser is the only copy
    const response = await fetch('/api/revision', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(revision.read()) });
    if (!response.ok) return false;
    // Answers given while the request was out are in the local copy: merge rather than replace.
    revision.write(mergeRevision(revisionStateOf(await response.json()), revision.read()));
    return true;
  } catch {
    return false; // offline: the local copy keeps everything and is sent when the network is back
  }
}

/**
 * Merges this browser's state with the account's, when someone is signed in; true when the account
 * now holds it (or nobody is signed in). Failures wait for the next try. Called at sign-in too
 * (account-progress), so a visitor's reviews, mistakes and exam date reach the account even if no
 * revision page is opened on that device afterwards, and before a sign-out forgets the local copy:
 * a merge already under way started before the latest change, so it is followed by another.
 */
export async function syncWithAccount(): Promise<boolean> {
  while (inFlight) await inFlight;
  inFlight = mergeWithAccount();
  try {
    return await inFlight;
  } finally {
    inFlight = null;
  }
}

/** Forgets this browser's revision state (at sign-out, once the account has it). */
export const clearRevision = () => revision.write(EMPTY_REVISION);

function scheduleSync(): void {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => void syncWithAccount(), SYNC_DELAY_MS);
}

export function useRevision() {
  const state = revision.useValue();
  const { progress } = useQuizProgress();
  useEffect(() => {
    const current = revision.read();
    const next = ingestAttempts(current, progress.attempts);
    if (next !== current) revision.write(next);
  }, [progress]);
  useEffect(() => {
    scheduleSync();
    window.addEventListener('online', scheduleSync);
    return () => window.removeEventListener('online', scheduleSync);
  }, []);
  const update = useCallback((change: (s: RevisionState) => RevisionState) => {
    revision.write(change(revision.read()));
    scheduleSync();
  }, []);
  return { state, update };
}
