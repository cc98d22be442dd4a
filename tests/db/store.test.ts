// The Store on every backend: the same queries must mean the same thing on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyStore, connect, type Connection, type Store } from '@/lib/db';
import { BACKENDS, openFresh } from './backends';

async function addUser(conn: Connection, id: string, role: 'instructor' | 'student' = 'student') {
  const now = new Date();
  await conn.db
    .insertInto('user')
    .values({ id, name: `User ${id}`, email: `${id}@example.test`, emailVerified: conn.dialect === 'postgres' ? false : 0, image: null, createdAt: now.toISOString(), updatedAt: now.toISOString(), role })
    .execute();
}

describe.each(BACKENDS)('Store on $name', (backend) => {
  let fresh: Awaited<ReturnType<typeof openFresh>>;
  let store: Store;

  beforeAll(async () => {
    fresh = await openFresh(backend);
    store = kyselyStore(fresh.conn.db);
    await addUser(fresh.conn, 'teach', 'instructor');
    await addUser(fresh.conn, 's1');
    await addUser(fresh.conn, 's2');
  });
  afterAll(async () => fresh.close());

  it('migrating again is a no-op (a second instance starting on the same database)', async () => {
    const again = await connect({ databaseUrl: fresh.env.DATABASE_URL, dataDir: fresh.env.DATA_DIR as string });
    await expect(kyselyStore(again.db).countInstructors()).resolves.toBe(1);
    await again.db.destroy();
  });

  it('reads users and changes a role', async () => {
    await store.ping();
    expect(await store.getUser('s1')).toEqual({ id: 's1', name: 'User s1', email: 's1@example.test', role: 'student' });
    expect(await store.getUser('nobody')).toBeNull();
    await store.setRole('s2', 'instructor');
    expect(await store.countInstructors()).toBe(2);
    await store.setRole('s2', 'student');
  });

  it('keeps one progress row per user, replaced on save', async () => {
    await store.saveProgress('s1', ['a'], { version: 1, attempts: [] }, 10);
    await store.saveProgress('s1', ['a', 'b'], { version: 1, attempts: [] }, 20);
    expect(await store.getProgress('s1')).toEqual({ lessons: ['a', 'b'], quiz: { version: 1, attempts: [] }, updatedAt: 20 });
  });

  it('keeps one revision state per user, replaced on save', async () => {
    expect(await store.getRevision('s1')).toBeNull();
    await store.saveRevision('s1', { version: 1, cards: [] }, 10);
    await store.saveRevision('s1', { version: 1, cards: [{ key: 'k' }] }, 20);
    expect(await store.getRevision('s1')).toEqual({ version: 1, cards: [{ key: 'k' }] });
    expect(await store.getRevision('s2')).toBeNull();
  });

  it('classes, enrollment, removal and archive', async () => {
    const t = 1_700_000_000_000;
    await store.createClass({ id: 'c1', instructorId: 'teach', name: 'Networks', joinCode: 'ABC123', archivedAt: null, createdAt: t });
    await expect(store.createClass({ id: 'c2', instructorId: 'teach', name: 'Dup', joinCode: 'ABC123', archivedAt: null, createdAt: t })).rejects.toThrow();
    expect((await store.getClassByCode('ABC123'))?.id).toBe('c1');
    await store.enroll('c1', 's1', t + 1);
    await store.enroll('c1', 's1', t + 2); // joining twice keeps the first join
    await store.enroll('c1', 's2', t + 3);
    expect((await store.roster('c1')).map((r) => [r.studentId, r.joinedAt])).toEqual([
      ['s1', t + 1],
      ['s2', t + 3],
    ]);
    await store.removeStudent('c1', 's2', t + 4);
    expect((await store.roster('c1')).map((r) => r.studentId)).toEqual(['s1']);
    expect((await store.roster('c1', true)).map((r) => [r.studentId, r.removedAt])).toEqual([
      ['s1', null],
      ['s2', t + 4],
    ]);
    expect(await store.enrollment('c1', 's2')).toEqual({ joinedAt: t + 3, removedAt: t + 4 });
    await store.enroll('c1', 's2', t + 5); // a removed student cannot rejoin by themselves
    expect(await store.enrollment('c1', 's2')).toEqual({ joinedAt: t + 3, removedAt: t + 4 });
    expect((await store.classesOfStudent('s1')).map((c) => c.id)).toEqual(['c1']);
    expect(await store.classesOfStudent('s2')).toEqual([]);
    await store.archiveClass('c1', t + 6);
    await store.archiveClass('c1', t + 7);
    expect((await store.getClass('c1'))?.archivedAt).toBe(t + 6);
    expect((await store.classesOfInstructor('teach')).map((c) => c.id)).toEqual(['c1']);
  });

  it('assignments keep their config as given', async () => {
    const config = { topics: ['handshake'], count: 3, nested: { a: [1, 2] } };
    await store.createAssignment({ id: 'a1', classId: 'c1', title: 'HW', config, seed: 0xffff_fffe, opensAt: 1, dueAt: 2_000_000_000_000, createdAt: 1, updatedAt: 1 });
    await store.updateAssignment('a1', { title: 'HW 1', config: { ...config, count: 4 }, opensAt: 5, dueAt: 2_000_000_000_001, updatedAt: 9 });
    const a = await store.getAssignment('a1');
    expect(a).toMatchObject({ title: 'HW 1', config: { ...config, count: 4 }, seed: 0xffff_fffe, opensAt: 5, dueAt: 2_000_000_000_001 });
    expect((await store.assignmentsOfClass('c1')).map((x) => x.id)).toEqual(['a1']);
  });

  it('an attempt is created once however many times it is asked for', async () => {
    const base = { assignmentId: 'a1', studentId: 's1', number: 1, specs: ['seq.handshake.1.b'], startedAt: 100, submittedAt: null };
    const [x, y] = await Promise.all([store.createAttempt({ ...base, id: 'at1' }), store.createAttempt({ ...base, id: 'at2' })]);
    expect(x.id).toBe(y.id);
    expect((await store.attemptsOf('a1', 's1')).length).toBe(1);
    expect(await store.getAttempt(x.id)).toEqual({ ...base, id: x.id });
  });

  it("reads an attempt with its assignment, class and the student's enrollment in one query", async () => {
    const [attempt] = await store.attemptsOf('a1', 's1');
    expect(await store.attemptContext(attempt!.id)).toEqual({
      attempt,
      assignment: await store.getAssignment('a1'),
      cls: await store.getClass('c1'),
      enrollment: await store.enrollment('c1', 's1'),
    });
    // An attempt of someone who never joined the class carries no enrollment.
    const stranger = await store.createAttempt({ id: 'at9', assignmentId: 'a1', studentId: 'teach', number: 1, specs: [], startedAt: 1, submittedAt: null });
    expect((await store.attemptContext(stranger.id))?.enrollment).toBeNull();
    expect(await store.attemptContext('no-such-attempt')).toBeNull();
  });

  it('answers: a retry stores once, an older answer never overwrites a newer one', async () => {
    const [attempt] = await store.attemptsOf('a1', 's1');
    const id = attempt!.id;
    const answer = { attemptId: id, position: 0, clientSeq: 2, response: { option: 1 }, correct: true, misconception: null, answeredAt: 5 };
    expect(await store.saveAnswer(answer)).toBe(true);
    expect(await store.saveAnswer(answer)).toBe(false);
    expect(await store.saveAnswer({ ...answer, clientSeq: 1, response: { option: 3 }, correct: false })).toBe(false);
    expect(await store.answersOf([id])).toEqual([answer]);
    const newer = { ...answer, clientSeq: 3, response: ['SYN', 'ACK'], correct: false, misconception: 'ack_flag_vs_number' };
    expect(await store.saveAnswer(newer)).toBe(true);
    expect(await store.answersOf([id])).toEqual([newer]);
    expect(await store.countAnswers()).toBe(1);
    expect(await store.answersOf([])).toEqual([]);
  });

  it('answers in one conditional write: stored while the attempt is open and its student in the class, never over a newer one', async () => {
    const [attempt] = await store.attemptsOf('a1', 's1');
    const answer = { attemptId: attempt!.id, position: 1, clientSeq: 4, response: { option: 2 }, correct: false, misconception: 'fin_takes_seq', answeredAt: 7 };
    expect(await store.saveAnswerIfOpen(answer, 'c1')).toBe(true);
    expect(await store.saveAnswerIfOpen(answer, 'c1')).toBe(false);
    expect(await store.saveAnswerIfOpen({ ...answer, clientSeq: 3, correct: true }, 'c1')).toBe(false);
    const stored = async () => (await store.answersOf([attempt!.id])).find((x) => x.position === 1);
    expect(await stored()).toEqual(answer);
    // The class must be the one the attempt's student is in.
    expect(await store.saveAnswerIfOpen({ ...answer, clientSeq: 5 }, 'no-such-class')).toBe(false);
    const newer = { ...answer, clientSeq: 6, response: 1234, correct: true, misconception: null };
    expect(await store.saveAnswerIfOpen(newer, 'c1')).toBe(true);
    expect(await stored()).toEqual(newer);
    // A removed student's attempt (s2 left the roster above) and a submitted attempt take nothing.
    const removed = await store.createAttempt({ id: 'at-removed', assignmentId: 'a1', studentId: 's2', number: 1, specs: [], startedAt: 1, submittedAt: null });
    expect(await store.saveAnswerIfOpen({ ...answer, attemptId: removed.id }, 'c1')).toBe(false);
    const submitted = await store.createAttempt({ id: 'at-submitted', assignmentId: 'a1', studentId: 's1', number: 2, specs: [], startedAt: 1, submittedAt: 2 });
    expect(await store.saveAnswerIfOpen({ ...answer, attemptId: submitted.id }, 'c1')).toBe(false);
    expect(await store.answersOf([removed.id, submitted.id])).toEqual([]);
    // At or past the assignment's due time (as stored now: an instructor may move it), nothing either.
    const dueAt = (await store.getAssignment('a1'))!.dueAt;
    expect(await store.saveAnswerIfOpen({ ...answer, clientSeq: 10, answeredAt: dueAt }, 'c1')).toBe(false);
    expect(await stored()).toEqual(newer);
  });

  it('submits once', async () => {
    const [attempt] = await store.attemptsOf('a1', 's1');
    expect(await store.submitAttempt(attempt!.id, 50)).toBe(true);
    expect(await store.submitAttempt(attempt!.id, 60)).toBe(false);
    expect((await store.getAttempt(attempt!.id))?.submittedAt).toBe(50);
  });
});
