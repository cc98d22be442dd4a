// The classroom API end to end on every backend: an instructor, two students, one outsider
// instructor. Every forged request is refused and leaves the stored data as it was.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as classes from '@/app/api/classes/route';
import * as join from '@/app/api/classes/join/route';
import * as classOne from '@/app/api/classes/[id]/route';
import * as archive from '@/app/api/classes/[id]/archive/route';
import * as student from '@/app/api/classes/[id]/students/[studentId]/route';
import * as newAssignment from '@/app/api/classes/[id]/assignments/route';
import * as assignmentOne from '@/app/api/assignments/[id]/route';
import * as preview from '@/app/api/assignments/[id]/preview/route';
import * as attempts from '@/app/api/assignments/[id]/attempts/route';
import * as gradebook from '@/app/api/assignments/[id]/gradebook/route';
import * as exporter from '@/app/api/assignments/[id]/export/route';
import * as followUp from '@/app/api/assignments/[id]/follow-up/route';
import * as attemptOne from '@/app/api/attempts/[id]/route';
import * as answer from '@/app/api/attempts/[id]/answers/[position]/route';
import * as submit from '@/app/api/attempts/[id]/submit/route';
import { closeConnection, getStore } from '@/lib/db';
import { classroom } from '@/lib/classroom/service';
import { canonicalAnswer } from '@/lib/engine';
import { buildItem, byteAnswer, decodeSpec, gradeItem, QUESTION_KINDS, topicShapes, type Response, type Topic } from '@/lib/quiz';
import { ERROR_CODES } from '@/lib/classroom/errors';
import { BACKENDS } from '../db/backends';
import { Client, useFreshApp, type Reply } from './harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function account(ip: string, email: string, instructor = false): Promise<Client> {
  const c = new Client(ip);
  const r = await c.call(authRoute.POST, '/api/auth/sign-up/email', { body: { email, password: 'correct horse 1', name: email.split('@')[0], ...(instructor ? { instructorCode: 'teach-code-1' } : {}) } });
  expect(r.status).toBe(200);
  return c;
}

const HOUR = 3_600_000;
const baseInput = (over: Json = {}) => ({
  title: 'Handshake homework',
  topics: ['handshake'],
  kinds: ['seq', 'ack', 'multiple_choice', 'next_flags'],
  count: 4,
  difficulty: 'beginner',
  variant: 'per_student',
  attempts: 2,
  timeLimit: null,
  feedback: 'after_submit',
  focus: null,
  opensAt: Date.now() - 1000,
  dueAt: Date.now() + 24 * HOUR,
  ...over,
});

/** A right answer, worked out on the test's side from the stored spec (as the server would). */
function rightAnswer(spec: string): Response {
  const item = buildItem(decodeSpec(spec)!);
  if (item.kind === 'multiple_choice' || item.kind === 'state_choice') return { option: item.options.findIndex((_, i) => gradeItem(item, { option: i }, 'en').correct) };
  if (item.kind === 'spot_error') return { event: item.event };
  if (item.kind === 'bytes') return byteAnswer(item.question);
  return canonicalAnswer(item.question) as Response;
}

async function snapshot() {
  const db = (await import('@/lib/db')).getConnection();
  const { db: k } = await db;
  const tables = ['classes', 'enrollments', 'assignments', 'attempts', 'answers'] as const;
  const out: Json = {};
  for (const t of tables) out[t] = await k.selectFrom(t).selectAll().execute();
  return JSON.stringify(out);
}

describe.each(BACKENDS)('classroom API on $name', (backend) => {
  let teardown: () => Promise<void>;
  let teacher: Client, other: Client, alice: Client, bob: Client, visitor: Client;
  let classId: string, code: string, assignmentId: string, aliceAttempt: Json, bobAttempt: Json;

  beforeAll(async () => {
    teardown = await useFreshApp(backend, { INSTRUCTOR_CODE: 'teach-code-1' });
    teacher = await account('10.9.0.1', 'teacher@example.test', true);
    other = await account('10.9.0.2', 'other@example.test', true);
    alice = await account('10.9.0.3', 'alice@example.test');
    bob = await account('10.9.0.4', 'bob@example.test');
    visitor = new Client('10.9.0.5');
  });
  afterAll(async () => teardown());

  it('an instructor creates a class; students join by code; the roster lists them', async () => {
    expect((await visitor.call(classes.POST, '/api/classes', { body: { name: 'X' } })).status).toBe(401);
    expect((await alice.call(classes.POST, '/api/classes', { body: { name: 'X' } })).status).toBe(403);
    expect((await teacher.call(classes.POST, '/api/classes', { body: { name: '' } })).body).toMatchObject({ message: 'Invalid request body', errors: { name: ['Give the class a name'] } });
    const created = await teacher.call<Json>(classes.POST, '/api/classes', { body: { name: 'Networks 101' } });
    expect(created.status).toBe(201);
    classId = created.body.class.id;
    code = created.body.class.joinCode;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    // As typed off a board: lower case, split by a hyphen and spaces.
    expect((await alice.call(join.POST, '/api/classes/join', { body: { code: ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} ` } })).status).toBe(200);
    expect((await bob.call(join.POST, '/api/classes/join', { body: { code } })).status).toBe(200);
    expect((await bob.call(join.POST, '/api/classes/join', { body: { code: 'NOPE1234' } })).status).toBe(404);
    // Its instructor checking the link is shown the class, not enrolled; another instructor is refused.
    expect((await teacher.call<Json>(join.POST, '/api/classes/join', { body: { code } })).body.class).toMatchObject({ id: classId });
    expect((await other.call<Json>(join.POST, '/api/classes/join', { body: { code } })).body).toMatchObject({ code: 'instructorsDoNotJoin' });
    // A join link's sign-in page names the class: any code holder may know its name, no one else.
    const names = classroom(await getStore());
    expect(await names.classNameForCode(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`)).toBe('Networks 101');
    expect(await names.classNameForCode('NOPE1234')).toBeNull();
    const detail = await teacher.call<Json>(classOne.GET, `/api/classes/${classId}`, { params: { id: classId } });
    expect(detail.body.roster.map((r: Json) => r.email)).toEqual(['alice@example.test', 'bob@example.test']);
    expect((await alice.call<Json>(classes.GET, '/api/classes')).body.classes.map((c: Json) => c.name)).toEqual(['Networks 101']);
  });

  it('creates an assignment; a bad one is refused with the field named', async () => {
    const bad = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ dueAt: 0 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.dueAt).toBeDefined();
    const r = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput() });
    expect(r.status).toBe(201);
    assignmentId = r.body.assignment.id;
    expect(JSON.stringify(r.body)).not.toMatch(/"seed"/);
    const p = await teacher.call<Json>(preview.GET, '/', { params: { id: assignmentId } });
    expect(p.body.items).toHaveLength(4);
    // each previewed question carries its answer key, graded right, with the engine's words
    for (const [i, item] of (p.body.items as Json[]).entries()) {
      expect(item.key).toMatchObject({ position: i, correct: true, explain: expect.stringMatching(/\w{3}/) });
    }
    const zh = await teacher.call<Json>(preview.GET, '/?lang=zh', { params: { id: assignmentId } });
    expect(zh.body.items[0].key.explain).toMatch(/[\u4e00-\u9fff]/);
  });

  it('students get the item view only: no spec, seed or answer before the feedback rule allows', async () => {
    const a = await alice.call<Json>(attempts.POST, '/', { params: { id: assignmentId } });
    const b = await bob.call<Json>(attempts.POST, '/', { params: { id: assignmentId } });
    aliceAttempt = a.body.attempt;
    bobAttempt = b.body.attempt;
    expect(aliceAttempt.items).toHaveLength(4);
    expect(aliceAttempt.feedback).toBeNull();
    // Same shape for everyone, fresh numbers per student.
    expect(aliceAttempt.items.map((i: Json) => i.kind)).toEqual(bobAttempt.items.map((i: Json) => i.kind));
    expect(JSON.stringify(aliceAttempt.items)).not.toEqual(JSON.stringify(bobAttempt.items));
    const store = await getStore();
    const stored = (await store.getAttempt(aliceAttempt.id))!;
    const text = a.text;
    for (const spec of stored.specs) expect(text).not.toContain(spec);
    expect(text).not.toMatch(/"(spec|seed|specs|canonical|question|expect)"/);
    // The asked segment itself is not in the trace shown.
    for (const [i, spec] of stored.specs.entries()) {
      const item = buildItem(decodeSpec(spec)!);
      if (item.kind === 'spot_error') continue;
      expect(aliceAttempt.items[i].trace.events.length).toBe(item.shown);
    }
    // A reload (or a second device) continues the same attempt.
    const again = await alice.call<Json>(attempts.POST, '/', { params: { id: assignmentId } });
    expect(again.body.attempt.id).toBe(aliceAttempt.id);
  });

  it('saves each answer once however often it is retried; feedback waits for submission', async () => {
    const specs = (await (await getStore()).getAttempt(aliceAttempt.id))!.specs;
    const put = (pos: number, response: unknown, seq: number, c = alice, attemptId = aliceAttempt.id) =>
      c.call<Json>(answer.PUT, '/', { method: 'PUT', params: { id: attemptId, position: String(pos) }, body: { response, seq } });
    const first = await put(0, rightAnswer(specs[0]!), 1);
    expect(first.body).toEqual({ stored: true, feedback: null });
    expect((await put(0, rightAnswer(specs[0]!), 1)).body.stored).toBe(false);
    for (let i = 1; i < 4; i++) expect((await put(i, rightAnswer(specs[i]!), 1)).status).toBe(200);
    expect(await (await getStore()).countAnswers()).toBe(4);
    // Bob answers one question wrong on purpose.
    const bobSpecs = (await (await getStore()).getAttempt(bobAttempt.id))!.specs;
    const bobItem = buildItem(decodeSpec(bobSpecs[0]!)!);
    const wrong = bobItem.kind === 'multiple_choice' || bobItem.kind === 'state_choice' ? { option: ((rightAnswer(bobSpecs[0]!) as { option: number }).option + 1) % bobItem.options.length } : bobItem.kind === 'next_flags' ? ['RST'] : 7;
    expect((await put(0, wrong, 1, bob, bobAttempt.id)).status).toBe(200);
    const view = await alice.call<Json>(attemptOne.GET, '/', { params: { id: aliceAttempt.id } });
    expect(view.body.attempt.feedback).toBeNull();
    expect(view.body.attempt.answers).toHaveLength(4);
    const done = await alice.call<Json>(submit.POST, '/', { params: { id: aliceAttempt.id } });
    expect(done.body.attempt.score).toEqual({ correct: 4, total: 4 });
    expect(done.body.attempt.feedback.every((f: Json) => f.correct && f.explain.length > 0)).toBe(true);
  });

  it('refuses every forged request and changes nothing', async () => {
    const before = await snapshot();
    const forged: Array<[string, Promise<unknown>, number]> = [
      ["another student's attempt", bob.call(attemptOne.GET, '/', { params: { id: aliceAttempt.id } }), 403],
      ["answering in another student's attempt", bob.call(answer.PUT, '/', { method: 'PUT', params: { id: aliceAttempt.id, position: '1' }, body: { response: 5, seq: 9 } }), 403],
      ["submitting another student's attempt", alice.call(submit.POST, '/', { params: { id: bobAttempt.id } }), 403],
      ["another instructor's class", other.call(classOne.GET, '/', { params: { id: classId } }), 403],
      ["another instructor's gradebook", other.call(gradebook.GET, '/', { params: { id: assignmentId } }), 403],
      ["archiving another instructor's class", other.call(archive.POST, '/', { params: { id: classId } }), 403],
      ["assigning in another instructor's class", other.call(newAssignment.POST, '/', { params: { id: classId }, body: baseInput() }), 403],
      ['a student calling an instructor route', alice.call(gradebook.GET, '/', { params: { id: assignmentId } }), 403],
      ['a student removing a classmate', alice.call(student.DELETE, '/', { method: 'DELETE', params: { id: classId, studentId: 'x' } }), 403],
      ['a student previewing', bob.call(preview.GET, '/', { params: { id: assignmentId } }), 403],
      ['an item not in the assignment', bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position: '4' }, body: { response: 5, seq: 1 } }), 400],
      ['an answer of the wrong shape', bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position: '0' }, body: { response: { hack: 1 }, seq: 2 } }), 400],
      ['answering a submitted attempt', alice.call(answer.PUT, '/', { method: 'PUT', params: { id: aliceAttempt.id, position: '0' }, body: { response: 5, seq: 5 } }), 409],
      ['a malformed id', alice.call(attemptOne.GET, '/', { params: { id: "x' OR 1=1" } }), 400],
      ['an unknown attempt', alice.call(attemptOne.GET, '/', { params: { id: 'no-such' } }), 404],
      ...['1e400', '-1', '101', '0x1', '1.0', ''].map((position): [string, Promise<unknown>, number] => [`position ${JSON.stringify(position)}`, bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position }, body: { response: 5, seq: 1 } }), 400]),
      ['not JSON', bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position: '0' }, raw: '{' }), 400],
      ['a visitor', visitor.call(attempts.POST, '/', { params: { id: assignmentId } }), 401],
    ];
    for (const [what, reply, status] of forged) {
      const r = (await reply) as { status: number; body: Json };
      expect({ what, status: r.status }).toEqual({ what, status });
      // A code the browser words in the reader's language, with an English message beside it.
      expect(ERROR_CODES).toContain(r.body.code);
      expect(r.body.message).toEqual(expect.any(String));
      if (what.startsWith('position ')) expect(r.body.errors, what).toEqual({ position: ['A position is a whole number from 0 to 100'] });
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses work after the due time', async () => {
    const before = await snapshot();
    const later = Date.now() + 48 * HOUR;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect((await bob.call(submit.POST, '/', { params: { id: bobAttempt.id } })).status).toBe(409);
      expect((await bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position: '1' }, body: { response: 5, seq: 3 } })).status).toBe(409);
      expect((await bob.call(attempts.POST, '/', { params: { id: assignmentId } })).status).toBe(409);
      expect(await snapshot()).toBe(before);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('the gradebook shows each student and question, misconceptions, CSV and Moodle XML', async () => {
    const g = await teacher.call<Json>(gradebook.GET, '/', { params: { id: assignmentId } });
    const rows = g.body.gradebook.rows;
    expect(rows.map((r: Json) => [r.email, r.correct, r.cells])).toEqual([
      ['alice@example.test', 4, [true, true, true, true]],
      ['bob@example.test', 0, [false, null, null, null]],
    ]);
    const csv = await teacher.call(exporter.GET, `/api/assignments/${assignmentId}/export?format=csv`, { params: { id: assignmentId } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    // Its bytes start with a UTF-8 byte order mark, for Excel (Response.text() drops it).
    expect([...new Uint8Array(await (await exporter.GET(new Request(`http://localhost:3000/api/assignments/${assignmentId}/export?format=csv`, { headers: { cookie: teacher.cookieHeader() } }), { params: Promise.resolve({ id: assignmentId }) })).arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(csv.text, { columns: true, bom: true }) as Json[];
    expect(parsed.map((r) => [r.email, r.score, r.q1])).toEqual([
      ['alice@example.test', '4', '1'],
      ['bob@example.test', '0', '0'],
    ]);
    const xml = await teacher.call(exporter.GET, `/api/assignments/${assignmentId}/export?format=moodle`, { params: { id: assignmentId } });
    expect(xml.text.match(/<question type="(?!category)/g)).toHaveLength(4);
    // Events are plain lines, not the trace format's JSON; the Chinese export is in Chinese.
    expect(xml.text).not.toMatch(/\{"(app|deliver|send|drop|timeout)"/);
    const zhXml = await teacher.call(exporter.GET, `/api/assignments/${assignmentId}/export?format=moodle&lang=zh`, { params: { id: assignmentId } });
    expect(zhXml.text).toMatch(/[\u4e00-\u9fff]/);
    expect(zhXml.text.match(/<question type="(?!category)/g)).toHaveLength(4);
    expect((await teacher.call(exporter.GET, `/api/assignments/${assignmentId}/export?format=pdf`, { params: { id: assignmentId } })).status).toBe(400);
    // The instructor reads a student's answers with the engine's explanations.
    const bobs = await teacher.call<Json>(attemptOne.GET, '/', { params: { id: bobAttempt.id } });
    expect(bobs.body.attempt.feedback[0]).toMatchObject({ correct: false, explain: expect.any(String) });
  });

  it('a follow-up drills the weakest misconception, when there is one', async () => {
    const g = await teacher.call<Json>(gradebook.GET, '/', { params: { id: assignmentId } });
    const r = await teacher.call<Json>(followUp.POST, '/', { params: { id: assignmentId } });
    if (g.body.gradebook.misconceptions.length === 0) {
      expect(r.status).toBe(409);
      return;
    }
    expect(r.status).toBe(201);
    expect(r.body.focus).toBe(g.body.gradebook.misconceptions[0].misconception);
    // Named in the instructor's language, open at once and due in a week (not a day later, unsaid).
    expect(r.body.assignment.title).toBe(`${g.body.assignment.title} · follow-up`);
    expect(r.body.assignment.opensAt).toBeLessThanOrEqual(Date.now());
    expect(r.body.assignment.dueAt - r.body.assignment.opensAt).toBe(7 * 24 * HOUR);
    // A student of the class can start it now, and is told which misconception it drills.
    const seen = await alice.call<Json>(assignmentOne.GET, '/', { params: { id: r.body.assignment.id } });
    expect(seen.body.assignment.focus).toBe(r.body.focus);
    const drill = await alice.call<Json>(attempts.POST, '/', { params: { id: r.body.assignment.id } });
    expect(drill.status).toBe(200);
    // Its questions come from the original's topics at its difficulty (trial F12).
    const store = await getStore();
    const original = g.body.assignment.config;
    const families = new Set(original.topics.flatMap((topic: Topic) => topicShapes({ topic, ticked: original.topics, difficulty: original.difficulty }, QUESTION_KINDS).map((s) => s.family)));
    const drawn = (await store.getAttempt(drill.body.attempt.id))!.specs.map((s) => decodeSpec(s)!);
    expect(drawn.filter((s) => !families.has(s.family) || s.difficulty !== original.difficulty)).toEqual([]);
    // The original's attempts (2 here, not a fixed 3), difficulty and topics carry over (trial F12).
    const { attempts: tries, difficulty, topics } = g.body.assignment.config;
    expect(tries).toBe(2);
    expect(r.body.assignment.config).toMatchObject({ attempts: tries, difficulty, topics, feedback: 'immediate' });
    const zh = await teacher.call<Json>(followUp.POST, `/api/assignments/${assignmentId}/follow-up?lang=zh`, { params: { id: assignmentId } });
    expect(zh.body.assignment.title).toBe(`${g.body.assignment.title} · 巩固练习`);

  });

  it('with feedback at once the first answer is final: a second PUT cannot fish for the right one', async () => {
    const quick = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Quick', feedback: 'immediate', count: 2 }) });
    const started = await alice.call<Json>(attempts.POST, '/', { params: { id: quick.body.assignment.id } });
    const id = started.body.attempt.id;
    const spec = (await (await getStore()).getAttempt(id))!.specs[0]!;
    const item = buildItem(decodeSpec(spec)!);
    const right = rightAnswer(spec);
    const wrong = item.kind === 'multiple_choice' || item.kind === 'state_choice' ? { option: ((right as { option: number }).option + 1) % item.options.length } : item.kind === 'next_flags' ? ['RST'] : typeof right === 'number' ? right + 1 : 'CLOSED';
    const put = (response: unknown, seq: number) => alice.call<Json>(answer.PUT, '/', { method: 'PUT', params: { id, position: '0' }, body: { response, seq } });
    const first = await put(wrong, 1);
    expect(first.body).toMatchObject({ stored: true, feedback: { correct: false } });
    // A retry of the same answer gets the same feedback and stores nothing.
    expect((await put(wrong, 1)).body).toMatchObject({ stored: false, feedback: { correct: false } });
    const before = await snapshot();
    const forged = await put(right, 2);
    expect([forged.status, forged.body.code]).toEqual([409, 'answerFinal']);
    expect(await snapshot()).toBe(before);
    // While the attempt runs, the unanswered question's key is not in the view.
    const running = await alice.call<Json>(attemptOne.GET, '/', { params: { id } });
    expect((running.body.attempt.feedback as Json[]).map((f) => f.position)).toEqual([0]);
    expect(JSON.stringify(running.body.attempt.feedback)).not.toMatch(/"answered":false/);
  });

  it('with feedback after the due time, a submitted attempt shows no answers or explanations until then', async () => {
    const made = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'After due', feedback: 'after_due', count: 2 }) });
    const started = await alice.call<Json>(attempts.POST, '/', { params: { id: made.body.assignment.id } });
    const id = started.body.attempt.id;
    const spec = (await (await getStore()).getAttempt(id))!.specs[0]!;
    const saved = await alice.call<Json>(answer.PUT, '/', { method: 'PUT', params: { id, position: '0' }, body: { response: rightAnswer(spec), seq: 1 } });
    expect(saved.body).toEqual({ stored: true, feedback: null });
    const done = await alice.call<Json>(submit.POST, '/', { params: { id } });
    expect([done.body.attempt.feedback, done.body.attempt.score]).toEqual([null, null]);
    expect(done.text).not.toMatch(/"(canonical|explain|spec|seed)"/);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 48 * HOUR);
    try {
      const later = await alice.call<Json>(attemptOne.GET, '/', { params: { id } });
      // The question left unanswered shows its key and explanation once the attempt has ended.
      expect(later.body.attempt.feedback).toEqual([
        expect.objectContaining({ position: 0, correct: true, answered: true, explain: expect.any(String) }),
        expect.objectContaining({ position: 1, correct: false, answered: false, canonical: rightAnswer((await (await getStore()).getAttempt(id))!.specs[1]!), explain: expect.any(String) }),
      ]);
      expect(later.body.attempt.score).toEqual({ correct: 1, total: 2 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('an answer given offline before the time limit counts when it arrives within the grace; one given after, or arriving later, does not', async () => {
    const exam = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Exam', timeLimit: 1, count: 3, attempts: 1, feedback: 'after_submit' }) });
    const started = await alice.call<Json>(attempts.POST, '/', { params: { id: exam.body.assignment.id } });
    const { id, deadline } = started.body.attempt as { id: string; deadline: number };
    const specs = (await (await getStore()).getAttempt(id))!.specs;
    const put = (position: number, answeredAt: number) =>
      alice.call<Json>(answer.PUT, '/', { method: 'PUT', params: { id, position: String(position) }, body: { response: rightAnswer(specs[position]!), seq: 1, answeredAt } });
    const realNow = Date.now.bind(Date);
    const at = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(ms);
    try {
      // back online 2 minutes after the limit with an answer given 10 s before it: counted, at the moment given
      at(deadline + 2 * 60_000);
      expect((await put(0, deadline - 10_000)).body).toMatchObject({ stored: true });
      // feedback waits for the grace to pass, or a right answer seen could be sent back as "given earlier"
      expect((await alice.call<Json>(attemptOne.GET, '/', { params: { id } })).body.attempt.feedback).toBeNull();
      const before = await snapshot();
      for (const [what, reply] of [
        ['given after the limit', await put(1, deadline + 1000)],
        ['claiming the future is taken as now, after the limit', await put(1, realNow() + 3_600_000 * 24)],
      ] as const) expect([what, reply.status, reply.body.code]).toEqual([what, 409, 'timeOver']);
      // arriving after the grace: refused, whatever moment it claims
      at(deadline + 6 * 60_000);
      const late = await put(2, deadline - 10_000);
      expect([late.status, late.body.code]).toEqual([409, 'timeOver']);
      expect(await snapshot()).toBe(before);
      const stored = (await (await getStore()).answersOf([id])).map((x) => [x.position, x.answeredAt]);
      expect(stored).toEqual([[0, deadline - 10_000]]);
      // now nothing can count: the feedback shows
      expect((await alice.call<Json>(attemptOne.GET, '/', { params: { id } })).body.attempt.feedback).not.toBeNull();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a timed exam opened 7 minutes before its due time says so before starting, and the attempt ends at the due time, not after 30 minutes (trial T29)', async () => {
    const dueAt = Date.now() + 7 * 60_000 + 30_000;
    const exam = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Late exam', timeLimit: 30, count: 1, attempts: 1, dueAt }) });
    expect(exam.status).toBe(201);
    const id = exam.body.assignment.id as string;
    const before = await bob.call<Json>(assignmentOne.GET, '/', { params: { id } });
    expect(before.body.timeToAnswer).toEqual({ ms: dueAt - before.body.now, cut: true });
    expect(Math.floor(before.body.timeToAnswer.ms / 60_000)).toBe(7);
    const started = await bob.call<Json>(attempts.POST, '/', { params: { id } });
    expect(started.body.attempt.deadline).toBe(dueAt);
    expect(started.body.attempt.deadline - started.body.attempt.startedAt).toBeLessThan(30 * 60_000);
    // An untimed assignment has no time to tell; a long way from its due time, the whole limit.
    const far = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Early exam', timeLimit: 30, count: 1, attempts: 1 }) });
    expect((await bob.call<Json>(assignmentOne.GET, '/', { params: { id: far.body.assignment.id } })).body.timeToAnswer).toEqual({ ms: 30 * 60_000, cut: false });
    expect((await bob.call<Json>(assignmentOne.GET, '/', { params: { id: assignmentId } })).body.timeToAnswer).toBeNull();
  });

  it('two devices on one attempt: the answer given later is kept, and the page of the earlier one is told, never "saved"', async () => {
    const made = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Two devices', kinds: ['ack'], count: 1, attempts: 1 }) });
    const started = await alice.call<Json>(attempts.POST, '/', { params: { id: made.body.assignment.id } });
    const id = started.body.attempt.id as string;
    const phone = alice;
    const laptop = alice.copy();
    const put = (device: Client, response: number, seq: number, answeredAt: number) =>
      device.call<Json>(answer.PUT, '/', { method: 'PUT', params: { id, position: '0' }, body: { response, seq, answeredAt } });
    const t0 = started.body.attempt.startedAt as number;
    vi.spyOn(Date, 'now').mockReturnValue(t0 + 10_000);
    try {
      expect((await put(phone, 11, 1, t0)).body).toMatchObject({ stored: true });
      // the laptop loaded the attempt before that answer: its counter also starts at 1
      expect((await put(laptop, 22, 1, t0 + 1000)).body).toMatchObject({ stored: true, seq: 2 });
      const held = async () => (await (await getStore()).answersOf([id])).map((a) => [a.response, a.clientSeq]);
      expect(await held()).toEqual([[22, 2]]);
      // the phone's answer, given earlier, arriving late (a resend): refused, and told what is kept
      expect((await put(phone, 11, 1, t0)).body).toMatchObject({ stored: false, kept: 22, seq: 2 });
      // a plain retry of what is stored stores nothing and says nothing more
      expect((await put(laptop, 22, 1, t0 + 1000)).body).toEqual({ stored: false, feedback: null });
      expect(await held()).toEqual([[22, 2]]);
      // the phone answers again, later: its page counts from the server's counter and wins
      expect((await put(phone, 33, 3, t0 + 2000)).body).toMatchObject({ stored: true });
      expect(await held()).toEqual([[33, 3]]);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('the CSV cannot carry a formula: a name starting with = is written as text', async () => {
    const mallory = new Client('10.9.0.9');
    const evil = '=HYPERLINK("http://evil.example","x")';
    expect((await mallory.call(authRoute.POST, '/api/auth/sign-up/email', { body: { email: 'mallory@example.test', password: 'correct horse 1', name: evil } })).status).toBe(200);
    expect((await mallory.call(join.POST, '/api/classes/join', { body: { code } })).status).toBe(200);
    const csv = await teacher.call(exporter.GET, `/api/assignments/${assignmentId}/export?format=csv`, { params: { id: assignmentId } });
    const rows = parse(csv.text, { columns: true, bom: true }) as Json[];
    expect(rows.find((r) => r.email === 'mallory@example.test')?.name).toBe(`'${evil}`);
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.name))).toBe(true);
    // mallory has not started: her score is empty, not a 0 an LMS would record
    expect(rows.find((r) => r.email === 'mallory@example.test')).toMatchObject({ attempts: '0', score: '', out_of: expect.stringMatching(/^\d+$/) });
  });

  it('a due time moved earlier stops answers at once, also to an attempt this instance has answered before', async () => {
    const made = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Moved', opensAt: Date.now() - 60_000, dueAt: Date.now() + HOUR }) });
    const started = await alice.call<Json>(attempts.POST, '/', { params: { id: made.body.assignment.id } });
    const id = started.body.attempt.id;
    const specs = (await (await getStore()).getAttempt(id))!.specs;
    const put = (position: number, seq: number) => alice.call(answer.PUT, '/', { method: 'PUT', params: { id, position: String(position) }, body: { response: rightAnswer(specs[position]!), seq } });
    expect((await put(0, 1)).status).toBe(200);
    expect((await teacher.call(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: made.body.assignment.id }, body: { dueAt: Date.now() - 1000 } })).status).toBe(200);
    const before = await snapshot();
    expect((await put(1, 1)).status).toBe(409);
    expect((await put(0, 2)).status).toBe(409);
    expect(await snapshot()).toBe(before);
  });

  it('once open, only the due time moves (by its instructor); an assignment no one started can be deleted, one started cannot', async () => {
    const later = Date.now() + 30 * HOUR;
    const moved = await teacher.call<Json>(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: assignmentId }, body: { dueAt: later } });
    expect([moved.status, moved.body.assignment?.dueAt]).toEqual([200, later]);
    expect((await (await getStore()).getAssignment(assignmentId))!.dueAt).toBe(later);
    // the running attempt's deadline follows
    expect((await alice.call<Json>(attemptOne.GET, '/', { params: { id: aliceAttempt.id } })).body.attempt.deadline).toBe(later);
    const before = await snapshot();
    const refused: Array<[string, Promise<Reply<Json>>, number, string]> = [
      ['due before opening', teacher.call(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: assignmentId }, body: { dueAt: 1 } }), 400, 'dueBeforeOpen'],
      ['a student moving it', alice.call(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: assignmentId }, body: { dueAt: later + HOUR } }), 403, ''],
      ['another instructor moving it', other.call(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: assignmentId }, body: { dueAt: later + HOUR } }), 403, 'notYourClass'],
      ['other fields in the patch', teacher.call(assignmentOne.PATCH, '/', { method: 'PATCH', params: { id: assignmentId }, body: { dueAt: later + HOUR, title: 'x' } }), 400, ''],
      ['deleting a started one', teacher.call(assignmentOne.DELETE, '/', { method: 'DELETE', params: { id: assignmentId } }), 409, 'assignmentStarted'],
      ['a student deleting', alice.call(assignmentOne.DELETE, '/', { method: 'DELETE', params: { id: assignmentId } }), 403, ''],
    ];
    for (const [what, reply, status, code] of refused) {
      const r = await reply;
      expect(r.status, what).toBe(status);
      if (code) expect(r.body.code, what).toBe(code);
    }
    expect(await snapshot()).toBe(before);
    const unstarted = (await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Duplicate' }) })).body.assignment.id as string;
    expect((await other.call(assignmentOne.DELETE, '/', { method: 'DELETE', params: { id: unstarted } })).status).toBe(403);
    expect((await teacher.call(assignmentOne.DELETE, '/', { method: 'DELETE', params: { id: unstarted } })).status).toBe(200);
    expect(await (await getStore()).getAssignment(unstarted)).toBeNull();
    expect((await teacher.call(assignmentOne.GET, '/', { params: { id: unstarted } })).status).toBe(404);
  });

  it('edits only before opening; removing a student and archiving work', async () => {
    const late = await teacher.call<Json>(assignmentOne.PUT, '/', { method: 'PUT', params: { id: assignmentId }, body: baseInput() });
    expect([late.status, late.body.code]).toEqual([409, 'alreadyOpen']);
    const future = await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ opensAt: Date.now() + HOUR, dueAt: Date.now() + 2 * HOUR }) });
    const fid = future.body.assignment.id;
    expect((await alice.call(attempts.POST, '/', { params: { id: fid } })).status).toBe(403);
    const edited = await teacher.call<Json>(assignmentOne.PUT, '/', { method: 'PUT', params: { id: fid }, body: baseInput({ title: 'Renamed', opensAt: Date.now() + HOUR, dueAt: Date.now() + 3 * HOUR }) });
    expect(edited.body.assignment.title).toBe('Renamed');
    // The edit form reads the settings back; only the class's instructor may.
    const service = classroom(await getStore());
    const teacherId = (await (await getStore()).getClass(classId))!.instructorId;
    expect((await service.assignmentSettings({ id: teacherId, role: 'instructor' }, fid)).title).toBe('Renamed');
    await expect(service.assignmentSettings({ id: 'someone-else', role: 'instructor' }, fid)).rejects.toMatchObject({ code: 'notYourClass' });
    const roster = (await teacher.call<Json>(classOne.GET, '/', { params: { id: classId } })).body.roster as Json[];
    const bobId = roster.find((r) => r.email === 'bob@example.test')!.studentId;
    // A student opening the link early learns its title and when it opens; no one else does.
    const aliceId = roster.find((r) => r.email === 'alice@example.test')!.studentId;
    expect(await service.upcomingAssignment({ id: aliceId, role: 'student' }, fid)).toMatchObject({ title: 'Renamed', classId });
    await expect(service.upcomingAssignment({ id: 'outsider', role: 'student' }, fid)).rejects.toMatchObject({ code: 'notInClass' });
    await expect(service.upcomingAssignment({ id: aliceId, role: 'student' }, assignmentId)).rejects.toMatchObject({ code: 'alreadyOpen' });
    expect((await teacher.call(student.DELETE, '/', { method: 'DELETE', params: { id: classId, studentId: bobId } })).status).toBe(200);
    // Off the roster, but the work stays in the gradebook, marked as a removed student's.
    expect((await teacher.call<Json>(classOne.GET, '/', { params: { id: classId } })).body.roster.map((r: Json) => r.email)).not.toContain('bob@example.test');
    const kept = (await teacher.call<Json>(gradebook.GET, '/', { params: { id: assignmentId } })).body.gradebook.rows.find((r: Json) => r.email === 'bob@example.test');
    expect(kept).toMatchObject({ removed: true, attemptId: bobAttempt.id });
    expect((await bob.call(attemptOne.GET, '/', { params: { id: bobAttempt.id } })).status).toBe(403);
    // The class tells a removed student why it is gone.
    expect((await bob.call<Json>(classOne.GET, '/', { params: { id: classId } })).body).toMatchObject({ code: 'removedFromClass' });
    // A removed student cannot answer in the attempt they had, and nothing is stored.
    const beforeRemoved = await snapshot();
    expect((await bob.call(answer.PUT, '/', { method: 'PUT', params: { id: bobAttempt.id, position: '1' }, body: { response: 5, seq: 7 } })).status).toBe(403);
    expect(await snapshot()).toBe(beforeRemoved);
    expect((await bob.call(join.POST, '/api/classes/join', { body: { code } })).status).toBe(403);
    const fresh = (await teacher.call<Json>(newAssignment.POST, '/', { params: { id: classId }, body: baseInput({ title: 'Fresh' }) })).body.assignment.id as string;
    const aliceActor = { id: aliceId, role: 'student' as const };
    expect((await service.classDetail(aliceActor, classId)).statuses?.[fresh]).toBe('open');
    expect((await teacher.call(archive.POST, '/', { params: { id: classId } })).status).toBe(200);
    expect((await teacher.call(newAssignment.POST, '/', { params: { id: classId }, body: baseInput() })).status).toBe(409);
    // Archived: what was open has closed for the student, and the page knows not to offer Start.
    expect((await service.classDetail(aliceActor, classId)).statuses?.[fresh]).toBe('closed');
    expect(await service.getAssignment(aliceActor, fresh)).toMatchObject({ archived: true });
    // Only the class's instructor takes it out of the archive; then it takes new work again.
    expect((await other.call(archive.DELETE, '/', { method: 'DELETE', params: { id: classId } })).status).toBe(403);
    expect((await alice.call(archive.DELETE, '/', { method: 'DELETE', params: { id: classId } })).status).toBe(403);
    expect((await (await getStore()).getClass(classId))!.archivedAt).not.toBeNull();
    expect((await teacher.call(archive.DELETE, '/', { method: 'DELETE', params: { id: classId } })).status).toBe(200);
    expect((await (await getStore()).getClass(classId))!.archivedAt).toBeNull();
    expect((await teacher.call(newAssignment.POST, '/', { params: { id: classId }, body: baseInput() })).status).toBe(201);
    await closeConnection();
  });
});
