import { getEnv } from '@/lib/env';
import { getStore } from './store';

/**
 * How this install makes instructors, for the sign-up form (lib/auth/roles decides the same way):
 * by the operator's code, or with none set, the first account ('first'), after which no one ('none').
 */
export async function instructorSignUp(): Promise<'code' | 'first' | 'none'> {
  if (getEnv().INSTRUCTOR_CODE) return 'code';
  return (await (await getStore()).countInstructors()) === 0 ? 'first' : 'none';
}
