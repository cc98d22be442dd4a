// Accounts: better-auth with email and password, its sessions and sign-in rate limit held in our
// database (so any number of app instances share them), roles instructor and student. Lazy: the
// first getAuth() call opens the database and builds the instance.
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { LRUCache } from 'lru-cache';
import { getEnv, type Env } from '../env';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address';
import { getConnection, kyselyStore, type Connection, type Role } from '../db';
import { roleForSignUp } from './roles';
import { authSecret } from './secret';

export { roleForSignUp } from './roles';

/** The sign-in rate limit's window, in seconds. */
export const SIGN_IN_WINDOW = 60;

/** How long an instance trusts what it last read of a session before it asks the database again. */
export const SESSION_CACHE_SECONDS = 60;

/**
 * Without BETTER_AUTH_URL (a quick start on localhost), trust the origin the request was sent to,
 * as its Host header names it: a browser's same-site form posts pass, other sites' do not.
 */
function sameHostOrigin(request?: Request): string[] {
  const host = request?.headers.get('host');
  if (!request || !host) return [];
  return [`${new URL(request.url).protocol}//${host}`];
}

export function createAuth(conn: Connection, env: Env) {
  const store = kyselyStore(conn.db);
  return betterAuth({
    database: { db: conn.db, type: conn.dialect },
    secret: authSecret(env.BETTER_AUTH_SECRET, env.DATA_DIR),
    ...(env.BETTER_AUTH_URL ? { baseURL: env.BETTER_AUTH_URL } : { trustedOrigins: sameHostOrigin }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        // Never taken from the request: the create hook below decides it.
        role: { type: 'string', required: false, input: false, defaultValue: 'student' },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // No cookie cache: signedInUser() below remembers sessions instead, which also skips
      // better-auth's own per-call work (the cookie cache still cost most of a database read).
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: SIGN_IN_WINDOW, max: env.SIGN_IN_LIMIT },
        '/sign-up/email': { window: SIGN_IN_WINDOW, max: env.SIGN_IN_LIMIT },
        // Every page asks who is signed in: a class behind one address would run out in minutes.
        '/get-session': false,
      },
    },
    // The client's address as the server hook found it (lib/http/server-hooks), never a header the
    // client wrote: keyed on X-Forwarded-For, the limit was reset by sending a new one.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    // better-auth logs errors only, and never request bodies: passwords stay out of the logs.
    logger: { level: 'error' },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            const body = (ctx?.body ?? {}) as Record<string, unknown>;
            const decision = roleForSignUp({ code: env.INSTRUCTOR_CODE, given: body.instructorCode, instructors: await store.countInstructors() });
            if ('error' in decision) throw new APIError('FORBIDDEN', { message: 'The instructor code is not right', code: decision.error });
            return { data: { ...user, role: decision.role } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Who is signed in, as the app uses it. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

let building: Promise<Auth> | null = null;

/**
 * Every answer a student sends asks who is signed in, and better-auth's getSession costs most of
 * a millisecond even when the session is in a cookie: a class's answers would spend more on it
 * than on the answer. So an instance remembers, per Cookie header (getSession's only input here),
 * the user it got for up to SESSION_CACHE_SECONDS. The database stays the truth, read again after
 * that (a sign-out on another device takes effect within that minute, on every instance), and
 * only found sessions are kept, so a request with a made-up cookie can fill nothing.
 */
const sessions = new LRUCache<string, SignedInUser>({
  max: 10_000,
  ttl: SESSION_CACHE_SECONDS * 1000,
  // Timed on the wall clock (not performance.now), so a test can move past the minute.
  perf: { now: () => Date.now() },
  fetchMethod: (cookie, _old, { context }) => {
    const read = readSession(cookie);
    const done = () => void reading.delete(read);
    reading.add(read);
    read.then(done, done);
    // A refresh's request has had its answer already: its failure is only told here.
    if (context === IN_BACKGROUND) read.catch((e: unknown) => console.error('session refresh failed:', e instanceof Error ? e.message : String(e)));
    return read;
  },
});

/** The fetch context of a refresh no request waits for. */
const IN_BACKGROUND = 'in background';

/**
 * The session reads under way. resetAuth() lets them end first: one still running when the
 * database is closed and dropped would rebuild auth on it (getAuth()) and be cut off mid-query.
 * Counted here, not by fetch()'s promise: with allowStale that is the old entry, given at once.
 */
const reading = new Set<Promise<unknown>>();

async function readSession(cookie: string): Promise<SignedInUser | undefined> {
  const session = await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) });
  if (!session) return undefined;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  return { id, name, email, role: role === 'instructor' ? 'instructor' : 'student' };
}

/**
 * A session in its cache's last REFRESH_AHEAD_MS is read again in the background, while the
 * request goes on with what was read: a student answering every few seconds never waits for the
 * database read on the request path (it cost the slowest answers of a class; tests/bench).
 * The minute still holds: a refresh that finds the session gone leaves the old entry to expire
 * at its own time, no later.
 */
const REFRESH_AHEAD_MS = 15_000;

/** The user the request's session cookie belongs to, or null (no cookie, signed out, expired). */
export async function signedInUser(headers: Headers): Promise<SignedInUser | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  const user = (await sessions.fetch(cookie)) ?? null;
  if (user && sessions.getRemainingTTL(cookie) < REFRESH_AHEAD_MS) {
    // Its failure is logged by fetchMethod; an unhandled rejection here would end the process.
    sessions.fetch(cookie, { forceRefresh: true, allowStale: true, context: IN_BACKGROUND }).catch(() => undefined);
  }
  return user;
}

/** After a sign-out through this instance: its old cookie is refused here at once, not after the minute. */
export function forgetSession(headers: Headers): void {
  const cookie = headers.get('cookie');
  if (cookie) sessions.delete(cookie);
}

export function getAuth(): Promise<Auth> {
  building ??= getConnection().then((conn) => createAuth(conn, getEnv()));
  building.catch(() => {
    building = null;
  });
  return building;
}

/**
 * Forgets the instance and the sessions read through it, to be rebuilt on the next getAuth(), once
 * the session reads under way have ended (tests, before closeConnection()).
 */
export async function resetAuth(): Promise<void> {
  await Promise.allSettled(reading);
  building = null;
  sessions.clear();
}
