// Accounts through better-auth's real endpoints, on every backend.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as health from '@/app/api/health/route';
import * as progress from '@/app/api/progress/route';
import { forgetSession, getAuth, resetAuth, roleForSignUp, SESSION_CACHE_SECONDS } from '@/lib/auth';
import { getConnection } from '@/lib/db';
import { BACKENDS } from '../db/backends';
import { Client, useFreshApp } from './harness';

const auth = authRoute.POST;
const signUp = (c: Client, email: string, extra: Record<string, unknown> = {}) =>
  c.call<{ user: { id: string; role?: string } }>(auth, '/api/auth/sign-up/email', { body: { email, password: 'correct horse 1', name: email.split('@')[0], ...extra } });

/** Runs `request` with the clock moved `seconds` on, as the session cache reads it. */
async function secondsLater<T>(seconds: number, request: () => Promise<T>): Promise<T> {
  // lru-cache reuses a clock reading for a millisecond: let that pass before moving the clock.
  await new Promise((r) => setTimeout(r, 5));
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() + seconds * 1000);
    return await request();
  } finally {
    vi.useRealTimers();
  }
}

describe('roleForSignUp', () => {
  it('without a code, only the first account is an instructor', () => {
    expect(roleForSignUp({ code: undefined, given: undefined, instructors: 0 })).toEqual({ role: 'instructor' });
    expect(roleForSignUp({ code: undefined, given: undefined, instructors: 1 })).toEqual({ role: 'student' });
    expect(roleForSignUp({ code: undefined, given: '  ', instructors: 1 })).toEqual({ role: 'student' });
  });
  it('without a code set, a code typed after the first instructor is refused, not turned into a student', () => {
    expect(roleForSignUp({ code: undefined, given: 'anything', instructors: 1 })).toEqual({ error: 'WRONG_INSTRUCTOR_CODE' });
    expect(roleForSignUp({ code: undefined, given: 'anything', instructors: 0 })).toEqual({ role: 'instructor' });
  });
  it('with a code, the right code makes an instructor and a wrong one is refused', () => {
    expect(roleForSignUp({ code: 'teach-42', given: 'teach-42', instructors: 5 })).toEqual({ role: 'instructor' });
    expect(roleForSignUp({ code: 'teach-42', given: '', instructors: 0 })).toEqual({ role: 'student' });
    expect(roleForSignUp({ code: 'teach-42', given: 'guess', instructors: 0 })).toEqual({ error: 'WRONG_INSTRUCTOR_CODE' });
  });
});

describe.each(BACKENDS)('accounts on $name', (backend) => {
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    teardown = await useFreshApp(backend, { INSTRUCTOR_CODE: 'teach-code-1', SIGN_IN_LIMIT: '3' });
  });
  afterAll(async () => teardown());
  afterEach(() => vi.restoreAllMocks());

  it('health answers with the database in use', async () => {
    const r = await new Client().call(health.GET, '/api/health');
    expect(r).toMatchObject({ status: 200, body: { status: 'ok', database: backend.name } });
  });

  it('signs up a student by default and an instructor with the code; a wrong code is refused', async () => {
    const student = await signUp(new Client('10.1.0.1'), 'stu@example.test', { role: 'instructor' });
    expect(student.status).toBe(200);
    expect(student.body.user.role).toBe('student');
    const teacher = await signUp(new Client('10.1.0.2'), 'teach@example.test', { instructorCode: 'teach-code-1' });
    expect(teacher.body.user.role).toBe('instructor');
    const forged = await signUp(new Client('10.1.0.3'), 'fake@example.test', { instructorCode: 'guess' });
    expect(forged).toMatchObject({ status: 403, body: { code: 'WRONG_INSTRUCTOR_CODE' } });
    // No account was made: signing in with it fails, and the same email can sign up again.
    const signIn = await new Client('10.1.0.4').call(auth, '/api/auth/sign-in/email', { body: { email: 'fake@example.test', password: 'correct horse 1' } });
    expect(signIn.status).toBe(401);
    const again = await signUp(new Client('10.1.0.3'), 'fake@example.test');
    expect(again.body.user.role).toBe('student');
  });

  it('signs in, reads the session, signs out', async () => {
    const c = new Client('10.2.0.1');
    await signUp(c, 'cycle@example.test');
    const out = await c.call(auth, '/api/auth/sign-out', { body: {} });
    expect(out.status).toBe(200);
    expect((await c.call(authRoute.GET, '/api/auth/get-session')).body).toBeNull();
    const signIn = await c.call(auth, '/api/auth/sign-in/email', { body: { email: 'cycle@example.test', password: 'correct horse 1' } });
    expect(signIn.status).toBe(200);
    const session = await c.call<{ user: { email: string } }>(authRoute.GET, '/api/auth/get-session');
    expect(session.body.user.email).toBe('cycle@example.test');
  });

  it('trusts a remembered session for a minute at most: a sign-out on another instance is refused after it, one here at once', async () => {
    const elsewhere = new Client('10.2.0.2');
    const { body } = await signUp(elsewhere, 'minute@example.test');
    expect((await elsewhere.call(progress.GET, '/api/progress')).status).toBe(200);
    // Another instance signs the user out: the session row goes, this instance has it remembered.
    const { db } = await getConnection();
    await db.deleteFrom('session').where('userId', '=', body.user.id).execute();
    expect((await elsewhere.call(progress.GET, '/api/progress')).status).toBe(200);
    expect((await secondsLater(SESSION_CACHE_SECONDS + 1, () => elsewhere.call(progress.GET, '/api/progress'))).status).toBe(401);

    const here = new Client('10.2.0.3');
    await signUp(here, 'here@example.test');
    const stolen = here.copy('10.2.0.4');
    expect((await stolen.call(progress.GET, '/api/progress')).status).toBe(200);
    expect((await here.call(auth, '/api/auth/sign-out', { body: {} })).status).toBe(200);
    expect((await stolen.call(progress.GET, '/api/progress')).status).toBe(401);
  });

  it('reads a session in its last seconds again in the background, and a reset waits for that read before the database may close', async () => {
    const c = new Client('10.2.0.5');
    await signUp(c, 'refresh@example.test');
    expect((await c.call(progress.GET, '/api/progress')).status).toBe(200);
    const api = (await getAuth()).api;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const realGetSession = api.getSession.bind(api);
    const getSession = vi.spyOn(api, 'getSession').mockImplementation(async (...args: Parameters<typeof api.getSession>) => {
      await held;
      return realGetSession(...args);
    });
    try {
      // Answered from what was read, while the read again waits on the database.
      expect((await secondsLater(SESSION_CACHE_SECONDS - 5, () => c.call(progress.GET, '/api/progress'))).status).toBe(200);
      expect(getSession).toHaveBeenCalledTimes(1);
      // A sign-out here drops the entry and so cuts the cache's fetch short: the read still runs.
      forgetSession(new Headers({ cookie: c.cookieHeader() }));
      let resetDone = false;
      const reset = resetAuth().then(() => (resetDone = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(resetDone).toBe(false);
      release();
      await reset;
      expect(resetDone).toBe(true);
    } finally {
      release();
    }
    // The next request builds auth anew and still knows the session.
    expect((await c.call(progress.GET, '/api/progress')).status).toBe(200);
  });

  it('a refresh in the background that fails is logged, and the request it came from is answered', async () => {
    const c = new Client('10.2.0.6');
    await signUp(c, 'refresh-fails@example.test');
    expect((await c.call(progress.GET, '/api/progress')).status).toBe(200);
    const api = (await getAuth()).api;
    vi.spyOn(api, 'getSession').mockRejectedValue(new Error('database unreachable'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await secondsLater(SESSION_CACHE_SECONDS - 5, () => c.call(progress.GET, '/api/progress'))).status).toBe(200);
    await resetAuth();
    expect(logged).toHaveBeenCalledWith('session refresh failed:', 'database unreachable');
  });

  it('does not limit reading the session: every page asks, and a class may share one address', async () => {
    const c = new Client('10.3.0.9');
    await signUp(c, 'pages@example.test');
    const statuses = new Set<number>();
    for (let i = 0; i < 320; i++) statuses.add((await c.call(authRoute.GET, '/api/auth/get-session')).status);
    expect([...statuses]).toEqual([200]);
  });

  it('limits sign-in attempts per client, counted in the database, and never logs a password', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const c = new Client('10.3.0.1');
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await c.call(auth, '/api/auth/sign-in/email', { body: { email: 'stu@example.test', password: `wrong-secret-${i}` } })).status);
    expect(tries.slice(0, 3)).toEqual([401, 401, 401]);
    expect(tries.slice(3)).toEqual([429, 429]);
    // A forged X-Forwarded-For does not make it another client: the limit holds.
    for (const forged of ['10.0.0.1', '10.0.0.2, 10.0.0.3']) {
      const retry = await c.call(auth, '/api/auth/sign-in/email', { body: { email: 'stu@example.test', password: 'wrong-secret-x' }, headers: { 'x-forwarded-for': forged, 'x-real-ip': forged } });
      expect(retry.status).toBe(429);
    }
    // Another client is not affected.
    const other = await new Client('10.3.0.2').call(auth, '/api/auth/sign-in/email', { body: { email: 'stu@example.test', password: 'correct horse 1' } });
    expect(other.status).toBe(200);
    expect(logged.join('\n')).not.toMatch(/wrong-secret|correct horse/);
  });

  it("moves a visitor's local progress into the account, merging with what is there", async () => {
    const c = new Client('10.5.0.1');
    expect((await c.call(progress.POST, '/api/progress', { body: { lessons: [], quiz: { version: 1, attempts: [] } } })).status).toBe(401);
    await signUp(c, 'progress@example.test');
    const attempt = (at: number, correct: boolean) => ({ at, item: 'seq.handshake.1.b', kind: 'seq', skill: 'ack_of_syn', correct, misconception: null });
    const first = await c.call(progress.POST, '/api/progress', { body: { lessons: ['handshake'], quiz: { version: 1, attempts: [attempt(2, true)] } } });
    expect(first.status).toBe(200);
    // A second device: its lessons and attempts join, the attempt already synced counts once.
    const second = await c.call(progress.POST, '/api/progress', { body: { lessons: ['teardown'], quiz: { version: 1, attempts: [attempt(1, false), attempt(2, true)] } } });
    expect(second.body).toEqual({ lessons: ['handshake', 'teardown'], quiz: { version: 1, attempts: [attempt(1, false), attempt(2, true)] } });
    expect((await c.call(progress.GET, '/api/progress')).body).toEqual(second.body);
    const bad = await c.call(progress.POST, '/api/progress', { body: { lessons: 'all', quiz: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: 'Invalid request body', errors: { lessons: expect.any(Array) } });
    expect((await c.call(progress.GET, '/api/progress')).body).toEqual(second.body);
  });

  it('answers malformed requests with a 4xx', async () => {
    const c = new Client('10.4.0.1');
    expect((await c.call(auth, '/api/auth/sign-up/email', { body: { email: 'not-an-email', password: 'x', name: 'n' } })).status).toBe(400);
    expect((await c.call(auth, '/api/auth/sign-in/email', { raw: '{not json', method: 'POST' })).status).toBeGreaterThanOrEqual(400);
    expect((await c.call(auth, '/api/auth/sign-in/email', { raw: '{not json', method: 'POST' })).status).toBeLessThan(500);
  });

  it('answers a JSON body that does not parse as every route does, with the standard status line and no ERROR logged', async () => {
    const c = new Client('10.4.0.2');
    const logged = (['error', 'warn', 'log'] as const).map((level) => vi.spyOn(console, level));
    const json = { 'content-type': 'application/json' };
    for (const raw of ['{not json', '{"email":', '\u0000', '']) {
      const reply = await c.call(auth, '/api/auth/sign-in/email', { raw, method: 'POST', headers: json });
      expect({ raw, status: reply.status, code: (reply.body as { code?: string }).code }).toEqual({ raw, status: 400, code: 'notJson' });
    }
    const tooBig = await c.call(auth, '/api/auth/sign-up/email', { raw: JSON.stringify({ name: 'x'.repeat(70_000) }), method: 'POST', headers: json });
    expect(tooBig.status).toBe(413);
    const notJson = await c.call(auth, '/api/auth/sign-in/email', { raw: 'email=a@b.test', method: 'POST', headers: { 'content-type': 'text/plain' } });
    expect({ status: notJson.status, code: (notJson.body as { code?: string }).code }).toEqual({ status: 415, code: 'notJson' });
    // Well-formed bodies still reach better-auth, and its refusals keep their codes.
    const wrong = await c.call(auth, '/api/auth/sign-in/email', { body: { email: 'nobody@example.test', password: 'wrong password 1' } });
    expect(wrong.status).toBe(401);
    expect(['', 'Unauthorized']).toContain(wrong.statusText);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });
});

describe.each(BACKENDS)('the sign-up form on $name says how instructors are made', (backend) => {
  it('with no code set: the first account will be the instructor, then no one; with a code: it asks for it', async () => {
    const { instructorSignUp } = await import('@/app/_server/instructor-sign-up');
    let teardown = await useFreshApp(backend);
    try {
      expect(await instructorSignUp()).toBe('first');
      const first = await signUp(new Client('10.8.0.1'), 'first@example.test');
      expect(first.body.user.role).toBe('instructor');
      expect(await instructorSignUp()).toBe('none');
    } finally {
      await teardown();
    }
    teardown = await useFreshApp(backend, { INSTRUCTOR_CODE: 'teach-code-1' });
    try {
      expect(await instructorSignUp()).toBe('code');
    } finally {
      await teardown();
    }
  });
});
