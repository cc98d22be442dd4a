// The time rules of an assignment, as pure functions of the clock: when an attempt may start,
// until when it takes answers, and when its feedback may be shown.
import type { AssignmentConfig } from './config';

export interface Timing {
  opensAt: number;
  dueAt: number;
  config: Pick<AssignmentConfig, 'timeLimit' | 'feedback'>;
}

/** The moment an attempt stops taking answers: the due time, or earlier with a time limit. */
export function attemptDeadline(a: Timing, startedAt: number): number {
  return a.config.timeLimit === null ? a.dueAt : Math.min(a.dueAt, startedAt + a.config.timeLimit * 60_000);
}

/** An attempt is over once submitted or past its deadline. */
export function attemptOver(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, now: number): boolean {
  return attempt.submittedAt !== null || now >= attemptDeadline(a, attempt.startedAt);
}

/** May the student see right answers and explanations for this attempt now? */
export function feedbackVisible(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, now: number): boolean {
  if (a.config.feedback === 'immediate') return true;
  if (a.config.feedback === 'after_submit') return attemptOver(a, attempt, now);
  return now >= a.dueAt;
}

export type AssignmentStatus = 'upcoming' | 'open' | 'in_progress' | 'submitted' | 'closed';

/** A student's status on an assignment, for their list. */
export function studentStatus(a: Timing, attempts: ReadonlyArray<{ startedAt: number; submittedAt: number | null }>, now: number): AssignmentStatus {
  if (now < a.opensAt) return 'upcoming';
  const last = attempts[attempts.length - 1];
  if (last && !attemptOver(a, last, now)) return 'in_progress';
  if (last) return 'submitted';
  return now >= a.dueAt ? 'closed' : 'open';
}
