// The classroom under load on the production server: 300 students each answering a 10-question
// assignment at once, beside the same load on /api/health in the same run (the ratio is the
// target, whatever the machine), on SQLite and then on two instances sharing one PostgreSQL
// (requests alternate between them, as behind a load balancer: sessions live in the database).
// Then a crash: the SQLite server is killed with SIGKILL mid-run and restarted, and every answer
// that got a 2xx must be in the database.
//
// SYNACK_BENCH_STUDENTS (default 300) and SYNACK_BENCH_QUESTIONS (default 10) scale it;
// SYNACK_BENCH_PGPORT picks the port of the PostgreSQL the bench starts (default 55499).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, kyselyStore, type Connection } from '@/lib/db';
import { root, startServer, type Server } from './server';

type Line = (label: string, value: string, target: string, ok: boolean) => void;

const STUDENTS = Math.max(2, Number(process.env.SYNACK_BENCH_STUDENTS ?? 300));
const QUESTIONS = Math.max(1, Number(process.env.SYNACK_BENCH_QUESTIONS ?? 10));
const SECRET = 'bench-secret-0123456789abcdef0123456789';

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
}

interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
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
  const errors = results.filter((r) => !r.ok).length;
  return { perSecond: (results.length / wallMs) * 1000, p50: percentile(ms, 50), p99: percentile(ms, 99), errors, sent: results.length };
}

async function timed(fn: () => Promise<Response>): Promise<Timed> {
  const t0 = performance.now();
  try {
    const r = await fn();
    await r.arrayBuffer();
    return { ok: r.ok, ms: performance.now() - t0 };
  } catch {
    return { ok: false, ms: performance.now() - t0 };
  }
}

/** Every student at once, each sending its requests one after another, as a student answers. */
async function load(students: Student[], perStudent: (s: Student, q: number, i: number) => Promise<Timed>): Promise<{ round: Round; results: Timed[][] }> {
  const t0 = performance.now();
  const results = await Promise.all(
    students.map(async (s, i) => {
      const mine: Timed[] = [];
      for (let q = 0; q < QUESTIONS; q++) mine.push(await perStudent(s, q, i));
      return mine;
    }),
  );
  return { round: summarize(results.flat(), performance.now() - t0), results };
}

const answerCall = (origin: string, s: Student, q: number, seq: number) => () =>
  call(origin, s, 'PUT', `/api/attempts/${s.attemptId}/answers/${q}`, { response: responseFor(s.kinds[q] as string, seq), seq });

/** /api/health under the same shape of load, then the answers: one figure each, in the same run. */
async function measure(origins: string[], students: Student[], seq: number): Promise<{ health: Round; answers: Round }> {
  const pick = (i: number, q: number) => origins[(i + q) % origins.length] as string;
  const health = (await load(students, (s, q, i) => timed(() => call(pick(i, q), s, 'GET', '/api/health')))).round;
  const answers = (await load(students, (s, q, i) => timed(answerCall(pick(i, q), s, q, seq)))).round;
  return { health, answers };
}

async function storedAnswers(conn: Connection, students: Student[]): Promise<Map<string, number>> {
  const rows = await kyselyStore(conn.db).answersOf(students.map((s) => s.attemptId));
  return new Map(rows.map((r) => [`${r.attemptId}/${r.position}`, r.clientSeq]));
}

function report(line: Line, name: string, m: { health: Round; answers: Round }, stored: number): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  line(`${name}: /api/health, ${STUDENTS} clients x ${QUESTIONS}`, `${m.health.perSecond.toFixed(0)} req/s`, '-', m.health.errors === 0);
  console.log(`       p50 ${ms(m.health.p50)}, p99 ${ms(m.health.p99)}, ${m.health.errors} errors`);
  line(`${name}: answers, ${STUDENTS} students x ${QUESTIONS}`, `${m.answers.perSecond.toFixed(0)} answers/s`, '-', m.answers.errors === 0);
  console.log(`       p50 ${ms(m.answers.p50)}, p99 ${ms(m.answers.p99)}, ${m.answers.errors} errors`);
  const ratio = m.answers.perSecond / m.health.perSecond;
  line(`${name}: answers / health, per second`, `${ratio.toFixed(2)}x`, '>= 0.5x', ratio >= 0.5);
  line(`${name}: answer p99 latency`, ms(m.answers.p99), '< 200 ms', m.answers.p99 < 200);
  line(`${name}: answers sent (2xx) / stored`, `${m.answers.sent - m.answers.errors} / ${stored}`, 'equal, 0 errors', m.answers.errors === 0 && stored === m.answers.sent);
}

async function sqliteRound(line: Line): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'synack-bench-classes-'));
  const env = { DATA_DIR: dataDir, INSTRUCTOR_CODE: 'bench-teach', BETTER_AUTH_SECRET: SECRET, SIGN_IN_LIMIT: '100000' };
  let server: Server | undefined = await startServer({ env });
  let conn: Connection | undefined;
  try {
    console.log(`\nclassroom load on SQLite (one instance): setting up ${STUDENTS} students`);
    const { students } = await setUp([server.origin], 'sqlite');
    const m = await measure([server.origin], students, 1);
    conn = await connect({ dataDir });
    report(line, 'SQLite', m, (await storedAnswers(conn, students)).size);

    // The crash: new answers (seq 2) from every student; SIGKILL once a third have been answered.
    console.log(`\ncrash test: kill -9 the SQLite server a third of the way through ${STUDENTS * QUESTIONS} answers, restart it`);
    const port = server.port;
    const origin = server.origin;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const sent: Array<{ key: string; seq: number; ok: boolean }> = [];
    await load(students, async (s, q) => {
      const r = await timed(answerCall(origin, s, q, 2));
      sent.push({ key: `${s.attemptId}/${q}`, seq: 2, ok: r.ok });
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
        return timed(answerCall(server!.origin, s, Number(q), 2));
      },
    );
    const final = await storedAnswers(conn, students);
    const atSeq2 = [...final.values()].filter((v) => v === 2).length;
    line('crash: after retries, answers stored at their latest', `${atSeq2} / ${STUDENTS * QUESTIONS}`, 'all', atSeq2 === STUDENTS * QUESTIONS && retried.every((r) => r.ok));
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
    servers.push(await startServer({ env }));
    await fetch(`${servers[0]!.origin}/api/health`);
    servers.push(await startServer({ env }));
    const origins = servers.map((s) => s.origin);
    console.log(`       setting up ${STUDENTS} students, requests alternating between ${origins.join(' and ')}`);
    const { students } = await setUp(origins, 'pg');
    const m = await measure(origins, students, 1);
    conn = await connect({ databaseUrl: url, dataDir });
    report(line, 'PostgreSQL x2', m, (await storedAnswers(conn, students)).size);
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
