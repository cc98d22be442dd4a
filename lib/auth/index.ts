// Accounts: better-auth with email and password, its sessions and sign-in rate limit held in our
// database (so any number of app instances share them), roles instructor and student. Lazy: the
// first getAuth() call opens the database and builds the instance.
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { getEnv, type Env } from '../env';
import { getConnection, kyselyStore, type Connection } from '../db';
import { roleForSignUp } from './roles';
import { authSecret } from './secret';

export { roleForSignUp } from './roles';

/** The sign-in rate limit's window, in seconds. */
export const SIGN_IN_WINDOW = 60;

/** How long a session read from the signed session cookie is trusted before the database is asked again. */
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
      // Every answer asks who is signed in: a signed copy of the session in a cookie answers that
      // without the database for a minute at most (a sign-out on another device takes effect
      // within that minute; the sign-in rate limit and the sessions themselves stay in the database).
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: SIGN_IN_WINDOW, max: env.SIGN_IN_LIMIT },
        '/sign-up/email': { window: SIGN_IN_WINDOW, max: env.SIGN_IN_LIMIT },
      },
    },
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

let building: Promise<Auth> | null = null;

export function getAuth(): Promise<Auth> {
  building ??= getConnection().then((conn) => createAuth(conn, getEnv()));
  building.catch(() => {
    building = null;
  });
  return building;
}

/** Forgets the instance, to be rebuilt on the next getAuth() (after closeConnection(), in tests). */
export function resetAuth(): void {
  building = null;
}
