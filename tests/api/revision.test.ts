// A signed-in learner's revision state through /api/revision, on every backend: two devices
// merge, nothing answered on either is lost, and bad input is a 4xx that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as revision from '@/app/api/revision/route';
import { EMPTY_REVISION, ingestAttempts, type RevisionState } from '@/lib/revision';
import { BACKENDS } from '../db/backends';
import { Client, useFreshApp } from './harness';

const miss = (at: number, item: string) => ({ at, item, kind: 'ack' as const, skill: 'ack_of_syn' as const, correct: false, misconception: null });

describe.each(BACKENDS)('revision sync on $name', (backend) => {
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    teardown = await useFreshApp(backend);
  });
  afterAll(async () => teardown());

  it('merges what each device answered, for every device', async () => {
    const laptop = new Client('10.7.0.1');
    expect((await laptop.call(revision.GET, '/api/revision')).status).toBe(401);
    await laptop.call(authRoute.POST, '/api/auth/sign-up/email', { body: { email: 'rev@example.test', password: 'correct horse 1', name: 'rev' } });
    const a: RevisionState = { ...ingestAttempts(EMPTY_REVISION, [miss(1, 'ack.handshake.1.b')]), examDate: '2026-12-20', examDateSetAt: 5 };
    const first = await laptop.call<RevisionState>(revision.POST, '/api/revision', { body: a });
    expect(first.status).toBe(200);
    // The phone, offline until now, missed another question: both misses are kept.
    const b = ingestAttempts(EMPTY_REVISION, [miss(2, 'seq.handshake.2.b')]);
    const second = await laptop.call<RevisionState>(revision.POST, '/api/revision', { body: b });
    expect(second.body.mistakes.map((m) => m.ref)).toEqual(['ack.handshake.1.b', 'seq.handshake.2.b']);
    expect(second.body.examDate).toBe('2026-12-20');
    expect((await laptop.call(revision.GET, '/api/revision')).body).toEqual(second.body);
  });

  it('refuses a body that is not a revision state, and keeps what was stored', async () => {
    const c = new Client('10.7.0.2');
    await c.call(authRoute.POST, '/api/auth/sign-up/email', { body: { email: 'rev2@example.test', password: 'correct horse 1', name: 'rev2' } });
    await c.call(revision.POST, '/api/revision', { body: ingestAttempts(EMPTY_REVISION, [miss(1, 'ack.handshake.1.b')]) });
    const before = (await c.call(revision.GET, '/api/revision')).body;
    for (const body of [{ version: 2 }, { ...EMPTY_REVISION, cards: 'all' }, { ...EMPTY_REVISION, examDate: '2026-02-31' }]) {
      const r = await c.call(revision.POST, '/api/revision', { body });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ message: 'Invalid request body' });
    }
    expect((await c.call(revision.POST, '/api/revision', { raw: '{not json', method: 'POST' })).status).toBe(400);
    expect((await c.call(revision.GET, '/api/revision')).body).toEqual(before);
  });
});
