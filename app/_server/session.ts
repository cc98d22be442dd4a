// Who is asking: the signed-in user from better-auth's session cookie, and the checks every
// route handler and page makes before it reads or changes anything.
import { headers } from 'next/headers';
import { getAuth } from '@/lib/auth';
import type { Role } from '@/lib/db';
import { HttpError } from './http';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export async function authHandler(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export async function userFrom(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await (await getAuth()).api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  return { id, name, email, role: role === 'instructor' ? 'instructor' : 'student' };
}

/** The signed-in user for a page (reads the request's cookies), or null for a visitor. */
export async function currentUser(): Promise<SessionUser | null> {
  return userFrom(await headers());
}

/** The signed-in user of a route handler's request; 401 without a session, 403 with the wrong role. */
export async function requireUser(request: Request, role?: Role): Promise<SessionUser> {
  const user = await userFrom(request.headers);
  if (!user) throw new HttpError(401, 'signInFirst');
  if (role && user.role !== role) throw new HttpError(403, role === 'instructor' ? 'instructorOnly' : 'studentOnly');
  return user;
}
