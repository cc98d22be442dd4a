// The time rules of an assignment, as pure functions of the clock: when an attempt may start,
// until when it takes answers, and when its feedback may be shown.
import type { AssignmentConfig } from './config';

export interface Timing {
  opensAt: number;
  dueAt: number;
  config: Pick<AssignmentConfig, 'timeLimit' | 'feedback'>;
}

/** The moment an attempt stops taking answers: the due time, or earlier with a time limit. */
export function attemptDeadline(a: Pick<Timing, 'dueAt'> & { config: Pick<AssignmentConfig, 'timeLimit'> }, startedAt: number): number {
  return a.config.timeLimit === null ? a.dueAt : Math.min(a.dueAt, startedAt + a.config.timeLimit * 60_000);
}

/**
 * How long an attempt started `now` would run, for a timed assignment (null without a limit): its
 * time limit, or less when the due time comes first (`cut`): started 7 minutes before the due time,
 * a 30-minute exam has 7. The student is told before starting, not left to find out at 0:00.
 */
export function timeToAnswer(a: Pick<Timing, 'dueAt'> & { config: Pick<AssignmentConfig, 'timeLimit'> }, now: number): { ms: number; cut: boolean } | null {
  if (a.config.timeLimit === null) return null;
  const ms = Math.max(0, attemptDeadline(a, now) - now);
  return { ms, cut: ms < a.config.timeLimit * 60_000 };
}

/**
 * How long after an attempt's deadline an answer given before it may still arrive: one given
 * offline (a dropped wifi in the exam room) waits in the browser and is sent when the network is
 * back. It carries the moment it was given; the server takes it only inside this bound, so a
 * student cannot claim an early moment for an answer written hours later.
 */
export const LATE_ANSWER_GRACE_MS = 5 * 60_000;

/**
 * May the attempt take an answer given at `givenAt` that arrives `now`? Given before the deadline
 * (and not before the attempt started), arriving at most LATE_ANSWER_GRACE_MS after it, and the
 * attempt not submitted.
 */
export function answerInTime(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, givenAt: number, now: number): boolean {
  const deadline = attemptDeadline(a, attempt.startedAt);
  return attempt.submittedAt === null && givenAt >= attempt.startedAt && givenAt < deadline && now < deadline + LATE_ANSWER_GRACE_MS;
}

/** An attempt is over once submitted or past its deadline. */
export function attemptOver(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, now: number): boolean {
  return attempt.submittedAt !== null || now >= attemptDeadline(a, attempt.startedAt);
}

/**
 * No answer can still count: the attempt is submitted, or its deadline and the grace for answers
 * given offline before it have passed. Right answers shown any earlier could be sent back late.
 */
export function answersClosed(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, now: number): boolean {
  return attempt.submittedAt !== null || now >= attemptDeadline(a, attempt.startedAt) + LATE_ANSWER_GRACE_MS;
}

/** May the student see right answers and explanations for this attempt now? */
export function feedbackVisible(a: Timing, attempt: { startedAt: number; submittedAt: number | null }, now: number): boolean {
  if (a.config.feedback === 'immediate') return true;
  if (a.config.feedback === 'after_submit') return answersClosed(a, attempt, now);
  // Everyone's attempt ends by the due time; answers given offline before it may still arrive.
  return now >= a.dueAt + LATE_ANSWER_GRACE_MS;
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
