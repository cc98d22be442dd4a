// Who is asking: the signed-in user from better-auth's session cookie, and the checks every
// route handler and page makes before it reads or changes anything.
import { headers } from 'next/headers';
import { forgetSession, getAuth, signedInUser, type SignedInUser } from '@/lib/auth';
import type { Role } from '@/lib/db';
import { HttpError } from './http';

export type SessionUser = SignedInUser;

export async function authHandler(request: Request): Promise<Response> {
  const response = await (await getAuth()).handler(request);
  // Once the session is gone from the database, so that no request still finds it remembered.
  if (new URL(request.url).pathname === '/api/auth/sign-out') forgetSession(request.headers);
  return response;
}

/** The signed-in user for a page (reads the request's cookies), or null for a visitor. */
export async function currentUser(): Promise<SessionUser | null> {
  return signedInUser(await headers());
}

/** The signed-in user of a route handler's request; 401 without a session, 403 with the wrong role. */
export async function requireUser(request: Request, role?: Role): Promise<SessionUser> {
  const user = await signedInUser(request.headers);
  if (!user) throw new HttpError(401, 'signInFirst');
  if (role && user.role !== role) throw new HttpError(403, role === 'instructor' ? 'instructorOnly' : 'studentOnly');
  return user;
}
