// Who becomes an instructor at sign-up: the operator's instructor code decides. With no code set
// (a fresh install), the first account is the instructor, so the quick start can try both sides.
import type { Role } from '../db';

export type RoleDecision = { role: Role } | { error: string };

/** Pure: the role for a new account, or why the sign-up is refused. */
export function roleForSignUp(input: { code: string | undefined; given: unknown; instructors: number }): RoleDecision {
  const given = typeof input.given === 'string' && input.given.length > 0 ? input.given : null;
  if (!input.code) return { role: input.instructors === 0 ? 'instructor' : 'student' };
  if (given === null) return { role: 'student' };
  return given === input.code ? { role: 'instructor' } : { error: 'WRONG_INSTRUCTOR_CODE' };
}
