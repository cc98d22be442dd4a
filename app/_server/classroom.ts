// What every classroom route handler starts with: the signed-in user, the classroom service on
// the store, the language for explanations, and route parameters checked with zod.
import { z } from 'zod';
import { notFound } from 'next/navigation';
import { classroom, ClassroomError, type Actor, type Classroom } from '@/lib/classroom/service';
import type { Lang } from '@/lib/engine';
import { parseWith } from './http';
import { currentUser, requireUser, type SessionUser } from './session';
import { getStore } from './store';

export interface ClassroomContext {
  user: SessionUser;
  actor: Actor;
  service: Classroom;
  lang: Lang;
}

/** Explanations follow ?lang=, then the browser's languages; English otherwise. */
function langOf(request: Request): Lang {
  const asked = new URL(request.url).searchParams.get('lang') ?? request.headers.get('accept-language') ?? '';
  return /^zh/i.test(asked) ? 'zh' : 'en';
}

export async function classroomFor(request: Request): Promise<ClassroomContext> {
  const user = await requireUser(request);
  return { user, actor: { id: user.id, role: user.role }, service: classroom(await getStore()), lang: langOf(request) };
}

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id');

export const paramSchemas = {
  id: z.object({ id }),
  classStudent: z.object({ id, studentId: id }),
  // The question's place in the assignment, as the URL spells it: digits only, so `1e400`, `0x1`
  // or `1.0` are told what a position is (coercion made 1e400 Infinity: "expected number").
  answer: z.object({ id, position: z.string().regex(/^(?:0|[1-9]\d?|100)$/, 'A position is a whole number from 0 to 100').transform(Number) }),
};

export async function paramsOf<S extends z.ZodType>(schema: S, context: { params: Promise<unknown> }): Promise<z.infer<S>> {
  return parseWith(schema, await context.params, 'address');
}

/** For a page: the signed-in user and the service, or null for a visitor. */
export async function classroomForPage(): Promise<ClassroomContext | null> {
  const user = await currentUser();
  if (!user) return null;
  return { user, actor: { id: user.id, role: user.role }, service: classroom(await getStore()), lang: 'en' };
}

/** Runs a page's read; a refusal (not yours, not found) becomes the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof ClassroomError) notFound();
    throw e;
  }
}

const JOIN_PATH = /^\/classes\/join\/([A-Za-z0-9 -]{4,20})$/;

/** The class a sign-in or sign-up page's `next` joins, by name, or null when it joins none. */
export async function joiningClassName(next: string | null): Promise<string | null> {
  // `next` passed safeNext; a code with a space arrives as %20 (and a broken escape stays as it is).
  const code = next ? JOIN_PATH.exec(next.replace(/%20/g, ' '))?.[1] : undefined;
  return code ? classroom(await getStore()).classNameForCode(code) : null;
}
