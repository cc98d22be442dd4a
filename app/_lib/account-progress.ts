'use client';
// This browser's progress (lessons, quiz answers, revision) and the account. At sign-in, what a
// visitor did here moves into the account and the merged result replaces the local copy, so every
// device shows the same. The local copy is then the account's: a sign-out sends it once more and
// forgets it, so on a shared computer the next person to sign in does not inherit it, and a copy
// left by an account that never signed out (an expired session) is dropped, not merged into another.
import { LESSON_PROGRESS_KEY, clearLessonProgress } from './progress';
import { QUIZ_PROGRESS_KEY, clearQuizProgress, parseQuizProgress } from './quiz-progress';
import { clearRevision, syncWithAccount } from './revision-store';

/** Which account this browser's progress belongs to; absent while it is a visitor's. */
const OWNER_KEY = 'synack:progress-owner';

function readLessons(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LESSON_PROGRESS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function forgetLocalProgress(): void {
  clearLessonProgress();
  clearQuizProgress();
  clearRevision();
  localStorage.removeItem(OWNER_KEY);
}

/** Sends lessons and quiz answers to the signed-in account and keeps the merged copy; false when it did not reach it. */
async function sendProgress(): Promise<boolean> {
  try {
    const body = { lessons: readLessons(), quiz: parseQuizProgress(localStorage.getItem(QUIZ_PROGRESS_KEY)) };
    const response = await fetch('/api/progress', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return false;
    const merged = (await response.json()) as typeof body;
    localStorage.setItem(LESSON_PROGRESS_KEY, JSON.stringify(merged.lessons));
    localStorage.setItem(QUIZ_PROGRESS_KEY, JSON.stringify(merged.quiz));
    return true;
  } catch {
    return false; // offline or storage disabled: the local copy stays and is sent at the next sign-in
  }
}

/** At sign-in of `userId`: moves a visitor's progress into the account. Progress is a convenience: failures are ignored. */
export async function syncLocalProgress(userId: string): Promise<void> {
  const owner = localStorage.getItem(OWNER_KEY);
  if (owner !== null && owner !== userId) forgetLocalProgress();
  if (await sendProgress()) localStorage.setItem(OWNER_KEY, userId);
  // Revision (review cards, mistake book, exams, exam date) follows the account the same way.
  await syncWithAccount();
}

/**
 * Signs out on this browser: the progress goes to the account first, then the session ends and
 * the local copy is forgotten. False, with everything kept, when the account could not be reached.
 */
export async function signOutHere(): Promise<boolean> {
  if (!(await sendProgress()) || !(await syncWithAccount())) return false;
  const response = await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
  if (!response?.ok) return false;
  forgetLocalProgress();
  return true;
}
