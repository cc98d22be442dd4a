// The classroom under load on the production server: 300 students each answering a 10-question
// assignment at once, beside the same load on /api/health in the same run (the ratio is the
// target, whatever the machine), on SQLite and then on two instances sharing one PostgreSQL
// (requests alternate between them, as behind a load balancer: sessions live in the database).
// Then a crash: the SQLite server is killed with SIGKILL mid-run and restarted, and every answer
// that got a 2xx must be in the database.
//
// Two shapes of load, each run on /api/health and then on the answers:
// - saturation: every student sends its answers back to back with no pause, so all 300 requests
//   are always in flight. It measures how many answers per second the server can take, and the
//   throughput target (answers >= 0.5x health's rate) is judged on it. Its latency is printed but
//   not judged: with 300 always in flight, Little's law makes the mean latency 300 / throughput,
//   so p99 < 200 ms would need over 1500 answers/s, more than /api/health itself serves here.
// - class pace: the 300 open the assignment together, then each reads and thinks for a seeded
//   random 2-6 s before each answer (the first too: no one answers a question unseen), as a class
//   in a room does. That is the load a class puts on the server, and the p99 < 200 ms target is
//   judged on it.
// Other work on the machine moves every figure, so each round prints the load average it ran at.
//
// SYNACK_BENCH_STUDENTS (default 300) and SYNACK_BENCH_QUESTIONS (default 10) scale it;
// SYNACK_BENCH_THINK_MS (default 2000-6000) sets the class pace's think time, as MIN-MAX;
// SYNACK_BENCH_PGPORT picks the port of the PostgreSQL the bench starts (default 55499);
// with SYNACK_BENCH_PORT set, the classroom's servers listen on the three ports after it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { connect, kyselyStore, type Connection } from '@/lib/db';
import { seededRandom } from '@/lib/engine';
import { root, startServer, type Server } from './server';

type Line = (label: string, value: string, target: string, ok: boolean) => void;

/** The n-th classroom server's port (1-based) after SYNACK_BENCH_PORT, or a free one when unset. */
const portAfterBase = (n: number): number | undefined => (process.env.SYNACK_BENCH_PORT ? Number(process.env.SYNACK_BENCH_PORT) + n : undefined);

const STUDENTS = Math.max(2, Number(process.env.SYNACK_BENCH_STUDENTS ?? 300));
const QUESTIONS = Math.max(1, Number(process.env.SYNACK_BENCH_QUESTIONS ?? 10));
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const [THINK_MIN, THINK_MAX] = (process.env.SYNACK_BENCH_THINK_MS ?? '2000-6000').split('-').map(Number) as [number, number];

interface Student {
  email: string;
  ip: string;
  cookie: string;
  attemptId: string;
  kinds: string[];
}

interface Timed {
  ok: boolean;
  ms: number;
  /** What went wrong, when it did: the HTTP status, or the client's error (a reset, a timeout). */
  error?: string;
}

interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The errors by kind ('HTTP 503 databaseDown', 'fetch failed: other side closed'), to tell the server's from the network's. */
  errorKinds: Record<string, number>;
  sent: number;
}

/** One HTTP call with the student's cookie and address; the session cookie is kept from a sign-up. */
async function call(origin: string, who: { ip: string; cookie?: string }, method: string, pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin, 'x-forwarded-for': who.ip };
  if (who.cookie) headers.cookie = who.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(origin + pathname, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function must<T>(response: Promise<Response>, what: string): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${what}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

function cookieOf(r: Response): string {
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function signUp(origin: string, ip: string, email: string, instructorCode?: string): Promise<string> {
  const r = await call(origin, { ip }, 'POST', '/api/auth/sign-up/email', { email, password: 'correct horse 1', name: email.split('@')[0], ...(instructorCode ? { instructorCode } : {}) });
  if (!r.ok) throw new Error(`sign-up ${email}: HTTP ${r.status} ${await r.text()}`);
  return cookieOf(r);
}

/** Runs fn over the items with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

/** A response of the right shape for a question kind (right or wrong does not matter to the load). */
function responseFor(kind: string, n: number): unknown {
  switch (kind) {
    case 'seq':
    case 'ack':
    case 'len':
      return 1000 + n;
    case 'next_flags':
      return ['ACK'];
    case 'state':
      return 'ESTABLISHED';
    case 'segment':
      return { flags: ['ACK'], seq: 1000 + n, ack: 2000, len: 0 };
    case 'spot_error':
      return { event: 0 };
    default:
      return { option: n % 2 };
  }
}

/** An instructor, a class, an assignment open now, and the students joined with an attempt each. */
async function setUp(origins: string[], tag: string): Promise<{ students: Student[]; assignmentId: string }> {
  const pick = (i: number) => origins[i % origins.length] as string;
  const teacher = { ip: '10.200.0.1', cookie: await signUp(pick(0), '10.200.0.1', `teacher-${tag}@bench.test`, 'bench-teach') };
  const { class: cls } = await must<{ class: { id: string; joinCode: string } }>(call(pick(1), teacher, 'POST', '/api/classes', { name: `Bench ${tag}` }), 'create class');
  const now = Date.now();
  const { assignment } = await must<{ assignment: { id: string } }>(
    call(pick(0), teacher, 'POST', `/api/classes/${cls.id}/assignments`, {
      title: 'Load',
      topics: ['handshake', 'teardown'],
      kinds: ['seq', 'ack', 'multiple_choice', 'next_flags', 'state'],
      count: QUESTIONS,
      difficulty: 'beginner',
      variant: 'per_student',
      attempts: 1,
      timeLimit: null,
      feedback: 'after_submit',
      focus: null,
      opensAt: now - 1000,
      dueAt: now + 3_600_000,
    }),
    'create assignment',
  );
  const students = await pool(
    Array.from({ length: STUDENTS }, (_, i) => i),
    8,
    async (i): Promise<Student> => {
      const ip = `10.${201 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
      const email = `s${i}-${tag}@bench.test`;
      const who = { ip, cookie: await signUp(pick(i), ip, email) };
      await must(call(pick(i + 1), who, 'POST', '/api/classes/join', { code: cls.joinCode }), 'join');
      const { attempt } = await must<{ attempt: { id: string; items: Array<{ kind: string }> } }>(call(pick(i), who, 'POST', `/api/assignments/${assignment.id}/attempts`), 'start attempt');
      return { ...who, email, attemptId: attempt.id, kinds: attempt.items.map((x) => x.kind) };
    },
  );
  return { students, assignmentId: assignment.id };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

function summarize(results: Timed[], wallMs: number): Round {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const failed = results.filter((r) => !r.ok);
  const errorKinds: Record<string, number> = {};
  for (const r of failed) errorKinds[r.error ?? '?'] = (errorKinds[r.error ?? '?'] ?? 0) + 1;
  return { perSecond: (results.length / wallMs) * 1000, p50: percentile(ms, 50), p99: percentile(ms, 99), errors: failed.length, errorKinds, sent: results.length };
}

async function timed(fn: () => Promise<Response>): Promise<Timed> {
  const t0 = performance.now();
  try {
    const r = await fn();
    const body = await r.text();
    if (r.ok) return { ok: true, ms: performance.now() - t0 };
    const code = /"code":"(\w+)"/.exec(body)?.[1] ?? '';
    return { ok: false, ms: performance.now() - t0, error: `HTTP ${r.status} ${code}`.trim() };
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return { ok: false, ms: performance.now() - t0, error: `${e instanceof Error ? e.message : String(e)}${cause}` };
  }
}

/** How long a student thinks before each answer, in ms: null sends at once (saturation). */
type Think = ((student: number) => () => number) | null;

/** The class pace: a seeded random think time per student and question, the same every run. */
const classPace: Think = (student) => {
  const rng = seededRandom(0x5eed + student);
  return () => rng.int(THINK_MIN, THINK_MAX);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every student at once, each sending its requests one after another, as a student answers. */
async function load(students: Student[], think: Think, perStudent: (s: Student, q: number, i: number) => Promise<Timed>): Promise<{ round: Round; results: Timed[][] }> {
  const t0 = performance.now();
  const results = await Promise.all(
    students.map(async (s, i) => {
      const pause = think?.(i);
      const mine: Timed[] = [];
      for (let q = 0; q < QUESTIONS; q++) {
        if (pause) await sleep(pause());
        mine.push(await perStudent(s, q, i));
      }
      return mine;
    }),
  );
  return { round: summarize(results.flat(), performance.now() - t0), results };
}

const answerCall = (origin: string, s: Student, q: number, seq: number) => () =>
  call(origin, s, 'PUT', `/api/attempts/${s.attemptId}/answers/${q}`, { response: responseFor(s.kinds[q] as string, seq), seq });

interface Measured {
  health: Round;
  answers: Round;
  /** Answers stored at this round's seq once the round is over. */
  stored: number;
  /** The 1-minute load average when the round began. */
  load: number;
}

/**
 * /api/health, then the answers (sent with `seq`), in one shape of load: the health figure is
 * the machine's own, measured in the same run; `stored` counts what the database then holds.
 */
async function measure(origins: string[], students: Student[], think: Think, seq: number, stored: (seq: number) => Promise<number>): Promise<Measured> {
  const pick = (i: number, q: number) => origins[(i + q) % origins.length] as string;
  const load1 = loadavg()[0] as number;
  const health = (await load(students, think, (s, q, i) => timed(() => call(pick(i, q), s, 'GET', '/api/health')))).round;
  const answers = (await load(students, think, (s, q, i) => timed(answerCall(pick(i, q), s, q, seq)))).round;
  return { health, answers, stored: await stored(seq), load: load1 };
}

async function storedAnswers(conn: Connection, students: Student[]): Promise<Map<string, number>> {
  const rows = await kyselyStore(conn.db).answersOf(students.map((s) => s.attemptId));
  return new Map(rows.map((r) => [`${r.attemptId}/${r.position}`, r.clientSeq]));
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

const errorsOf = (r: Round) => `${r.errors} errors${r.errors > 0 ? ` (${Object.entries(r.errorKinds).map(([k, n]) => `${n} ${k}`).join(', ')})` : ''}`;

function rates(line: Line, label: string, m: Measured, unit: string): void {
  line(`${label}: /api/health, ${STUDENTS} clients x ${QUESTIONS}`, `${m.health.perSecond.toFixed(0)} req/s`, '-', m.health.errors === 0);
  console.log(`       p50 ${ms(m.health.p50)}, p99 ${ms(m.health.p99)}, ${errorsOf(m.health)}`);
  line(`${label}: answers, ${STUDENTS} students x ${QUESTIONS}`, `${m.answers.perSecond.toFixed(0)} ${unit}`, '-', m.answers.errors === 0);
  console.log(`       p50 ${ms(m.answers.p50)}, p99 ${ms(m.answers.p99)}, ${errorsOf(m.answers)}`);
  line(`${label}: answers sent (2xx) / stored`, `${m.answers.sent - m.answers.errors} / ${m.stored}`, 'equal, 0 errors', m.answers.errors === 0 && m.stored === m.answers.sent);
}

/** Saturation gives the throughput ratio; the class pace gives the latency target (see the top). */
function report(line: Line, name: string, saturated: Measured, paced: Measured): void {
  console.log(`     saturation (no pause, ${STUDENTS} in flight), load average ${saturated.load.toFixed(2)}:`);
  rates(line, `${name} saturation`, saturated, 'answers/s');
  const ratio = saturated.answers.perSecond / saturated.health.perSecond;
  line(`${name}: answers / health, per second, saturation`, `${ratio.toFixed(2)}x`, '>= 0.5x', ratio >= 0.5);
  console.log(`     class pace (think ${THINK_MIN / 1000}-${THINK_MAX / 1000} s before each answer), load average ${paced.load.toFixed(2)}:`);
  rates(line, `${name} class pace`, paced, 'answers/s offered');
  line(`${name}: answer p99 latency, class pace`, ms(paced.answers.p99), '< 200 ms', paced.answers.p99 < 200);
}

/** How many of the students' answers the database holds at exactly this seq. */
async function storedAt(conn: Connection, students: Student[], seq: number): Promise<number> {
  return [...(await storedAnswers(conn, students)).values()].filter((v) => v === seq).length;
}

async function sqliteRound(line: Line): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'synack-bench-classes-'));
  const env = { DATA_DIR: dataDir, INSTRUCTOR_CODE: 'bench-teach', BETTER_AUTH_SECRET: SECRET, SIGN_IN_LIMIT: '100000' };
  let server: Server | undefined = await startServer({ env, port: portAfterBase(1) });
  let conn: Connection | undefined;
  try {
    console.log(`\nclassroom load on SQLite (one instance): setting up ${STUDENTS} students`);
    const { students } = await setUp([server.origin], 'sqlite');
    conn = await connect({ dataDir });
    const stored = (seq: number) => storedAt(conn as Connection, students, seq);
    const saturated = await measure([server.origin], students, null, 1, stored);
    const paced = await measure([server.origin], students, classPace, 2, stored);
    report(line, 'SQLite', saturated, paced);

    // The crash: new answers (seq 3) from every student, at saturation; SIGKILL once a third have been answered.
    console.log(`\ncrash test: kill -9 the SQLite server a third of the way through ${STUDENTS * QUESTIONS} answers, restart it`);
    const port = server.port;
    const origin = server.origin;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const sent: Array<{ key: string; seq: number; ok: boolean }> = [];
    await load(students, null, async (s, q) => {
      const r = await timed(answerCall(origin, s, q, 3));
      sent.push({ key: `${s.attemptId}/${q}`, seq: 3, ok: r.ok });
      if (++answered === Math.floor((STUDENTS * QUESTIONS) / 3)) killed = server!.crash();
      return r;
    });
    await killed;
    server = await startServer({ env, port });
    const after = await storedAnswers(conn, students);
    const confirmed = sent.filter((x) => x.ok);
    const lost = confirmed.filter((x) => (after.get(x.key) ?? 0) < x.seq).length;
    line('crash: answers with a 2xx before and after the kill', `${confirmed.length}`, '-', true);
    line('crash: answers refused or unanswered while down', `${sent.length - confirmed.length}`, '-', true);
    line('crash: answers with a 2xx missing after restart', `${lost}`, '0', lost === 0);
    // The students' retries after the restart store the rest, once each.
    const retried = await pool(
      sent.filter((x) => !x.ok),
      50,
      async (x) => {
        const [attemptId, q] = x.key.split('/') as [string, string];
        const s = students.find((st) => st.attemptId === attemptId) as Student;
        return timed(answerCall(server!.origin, s, Number(q), 3));
      },
    );
    const atLatest = await storedAt(conn, students, 3);
    line('crash: after retries, answers stored at their latest', `${atLatest} / ${STUDENTS * QUESTIONS}`, 'all', atLatest === STUDENTS * QUESTIONS && retried.every((r) => r.ok));
  } finally {
    await conn?.db.destroy();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A throwaway PostgreSQL from Debian's packages (.ci/postgres), or null when it is not installed. */
function startPostgres(dir: string): string | null {
  const r = spawnSync(path.join(root, '.ci/postgres'), ['start', dir], { env: { ...process.env, PGPORT: process.env.SYNACK_BENCH_PGPORT ?? '55499' }, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`       PostgreSQL round skipped: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
    return null;
  }
  return r.stdout.trim();
}

async function postgresRound(line: Line): Promise<void> {
  const pgDir = mkdtempSync(path.join(tmpdir(), 'synack-bench-pg-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'synack-bench-pgdata-'));
  console.log('\nclassroom load on two instances sharing one PostgreSQL');
  const url = startPostgres(pgDir);
  if (!url) return;
  const env = { DATABASE_URL: url, DATA_DIR: dataDir, INSTRUCTOR_CODE: 'bench-teach', BETTER_AUTH_SECRET: SECRET, SIGN_IN_LIMIT: '100000' };
  const servers: Server[] = [];
  let conn: Connection | undefined;
  try {
    // The first instance migrates; the second starts on the migrated database.
    servers.push(await startServer({ env, port: portAfterBase(2) }));
    await fetch(`${servers[0]!.origin}/api/health`);
    servers.push(await startServer({ env, port: portAfterBase(3) }));
    const origins = servers.map((s) => s.origin);
    console.log(`       setting up ${STUDENTS} students, requests alternating between ${origins.join(' and ')}`);
    const { students } = await setUp(origins, 'pg');
    conn = await connect({ databaseUrl: url, dataDir });
    const stored = (seq: number) => storedAt(conn as Connection, students, seq);
    const saturated = await measure(origins, students, null, 1, stored);
    const paced = await measure(origins, students, classPace, 2, stored);
    report(line, 'PostgreSQL x2', saturated, paced);
  } finally {
    await conn?.db.destroy();
    for (const s of servers) await s.stop();
    spawnSync(path.join(root, '.ci/postgres'), ['stop', pgDir]);
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Needs a production build in .next (run.ts makes one before the page figures). */
export async function runClassroomBench(line: Line): Promise<void> {
  await sqliteRound(line);
  await postgresRound(line);
}
