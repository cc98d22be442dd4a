'use client';
// At sign-in, the progress this browser kept for a visitor (and its revision state) moves into the
// account; the merged result comes back and replaces the local copy, so every device shows the same.
import { LESSON_PROGRESS_KEY } from './progress';
import { QUIZ_PROGRESS_KEY, parseQuizProgress } from './quiz-progress';
import { syncWithAccount } from './revision-store';

function readLessons(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LESSON_PROGRESS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** Sends local progress to the account and keeps the merged copy. Progress is a convenience: failures are ignored. */
export async function syncLocalProgress(): Promise<void> {
  try {
    const body = { lessons: readLessons(), quiz: parseQuizProgress(localStorage.getItem(QUIZ_PROGRESS_KEY)) };
    const response = await fetch('/api/progress', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return;
    const merged = (await response.json()) as typeof body;
    localStorage.setItem(LESSON_PROGRESS_KEY, JSON.stringify(merged.lessons));
    localStorage.setItem(QUIZ_PROGRESS_KEY, JSON.stringify(merged.quiz));
  } catch {
    // offline or storage disabled: the local copy stays and is sent at the next sign-in
  }
  // Revision (review cards, mistake book, exams, exam date) follows the account the same way.
  await syncWithAccount();
}
