// Who becomes an instructor at sign-up: the operator's instructor code decides. With no code set
// (a fresh install), the first account is the instructor, so the quick start can try both sides.
import type { Role } from '../db';

export type RoleDecision = { role: Role } | { error: string };

/**
 * Pure: the role for a new account, or why the sign-up is refused. A code typed where none can be
 * right (none is set and the first instructor exists) is refused too: silently making a student of
 * someone who meant to be an instructor leaves them lost on the wrong side of the app.
 */
export function roleForSignUp(input: { code: string | undefined; given: unknown; instructors: number }): RoleDecision {
  const given = typeof input.given === 'string' && input.given.trim().length > 0 ? input.given : null;
  if (!input.code) {
    if (input.instructors === 0) return { role: 'instructor' };
    return given === null ? { role: 'student' } : { error: 'WRONG_INSTRUCTOR_CODE' };
  }
  if (given === null) return { role: 'student' };
  return given === input.code ? { role: 'instructor' } : { error: 'WRONG_INSTRUCTOR_CODE' };
}
