// Who is asking: the signed-in user from better-auth's session cookie, and the checks every
// route handler and page makes before it reads or changes anything.
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
  // better-auth puts the status code where the reason phrase goes ("HTTP/1.1 400 400"); the same
  // response without one gets the standard phrase.
  return response.statusText === String(response.status) ? new Response(response.body, { status: response.status, headers: response.headers }) : response;
});

/**
 * A JSON body is read here first: better-auth answers one that does not parse with a 400 too,
 * but logs an ERROR for each, so anyone could fill the log with them. An empty body is its own
 * business (sign-out sends none).
 */
async function withCheckedJson(request: Request): Promise<Request> {
  if (!request.body || !/json/i.test(request.headers.get('content-type') ?? '')) return request;
  const text = await request.text();
  if (text !== '') parseJsonBody(text);
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
