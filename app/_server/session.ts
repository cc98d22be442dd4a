// Who is asking: the signed-in user from better-auth's session cookie, and the checks every
// route handler and page makes before it reads or changes anything.
import { STATUS_CODES } from 'node:http';
import { headers } from 'next/headers';
import { forgetSession, getAuth, signedInUser, type SignedInUser } from '@/lib/auth';
import type { Role } from '@/lib/db';
import { handle, HttpError, parseJsonBody } from './http';

export type SessionUser = SignedInUser;

/** better-auth's endpoints, with the same answers to a malformed request as our own routes. */
export const authHandler = handle(async (request: Request): Promise<Response> => {
  const response = await (await getAuth()).handler(await withCheckedJson(request));
  // Once the session is gone from the database, so that no request still finds it remembered.
  if (new URL(request.url).pathname === '/api/auth/sign-out') forgetSession(request.headers);
  // better-auth writes its own reason phrases ("HTTP/1.1 400 400", "401 UNAUTHORIZED"): such a
  // response is passed on without one, so the server writes the standard phrase.
  if (!response.statusText || response.statusText === STATUS_CODES[response.status]) return response;
  return new Response(response.body, { status: response.status, headers: response.headers });
});

/**
 * A body is read here first, as our own routes read theirs: better-auth refuses one that is not
 * JSON too, but logs an ERROR for each, so anyone could fill the log with them. The site's own
 * forms and sign-out send JSON (sign-out `{}`).
 */
async function withCheckedJson(request: Request): Promise<Request> {
  if (!request.body) return request;
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw new HttpError(415, 'notJson');
  const text = await request.text();
  parseJsonBody(text);
  return new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal });
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
