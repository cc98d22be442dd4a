// The browser's queue of unconfirmed assignment answers, and answers put back in the inputs on reload.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enqueue, readQueue, resumeAnswer, settle, type AnswerQueue } from '@/app/_lib/answer-queue';
import { draftOf, draftResponse, EMPTY_DRAFT, type Draft } from '@/app/_lib/quiz-draft';
import { attemptSpecs } from '@/lib/classroom/specs';
import { itemView, type ItemView } from '@/lib/classroom/view';
import { assignmentConfigSchema } from '@/lib/classroom/config';
import { buildItem, QUESTION_KINDS, TOPICS } from '@/lib/quiz';
import { FLAGS, STATES } from '@/lib/engine';
import { MAX_LEN, MAX_SEQ } from '@/app/_lib/quiz-input';

/** localStorage as a Map, with the same string-only contract. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('answer queue', () => {
  it('keeps the newest unconfirmed answer per question, and forgets it once the server has it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom('enqueue', 'settle'), position: fc.integer({ min: 0, max: 3 }), seq: fc.integer({ min: 1, max: 20 }) }), { maxLength: 60 }),
        (ops) => {
          const storage = memoryStorage();
          const model: AnswerQueue = {};
          for (const { op, position, seq } of ops) {
            if (op === 'enqueue') {
              enqueue(storage, 'att', position, { response: seq * 10, seq });
              if (!model[position] || model[position].seq <= seq) model[position] = { response: seq * 10, seq };
            } else {
              settle(storage, 'att', position, seq);
              if (model[position] && model[position].seq <= seq) delete model[position];
            }
            expect(readQueue(storage, 'att')).toEqual(model);
          }
          // An empty queue leaves nothing behind in the storage.
          if (Object.keys(model).length === 0) expect(storage.length).toBe(0);
        },
      ),
    );
  });

  it('survives a reload (a new read of the same storage) and keeps attempts apart', () => {
    const storage = memoryStorage();
    enqueue(storage, 'a1', 0, { response: { option: 2 }, seq: 3 });
    enqueue(storage, 'a2', 0, { response: 7, seq: 1 });
    expect(readQueue(storage, 'a1')).toEqual({ 0: { response: { option: 2 }, seq: 3 } });
    expect(readQueue(storage, 'a2')).toEqual({ 0: { response: 7, seq: 1 } });
  });

  it('keeps the moment an answer was given across a reload, so one sent late can still count', () => {
    const storage = memoryStorage();
    enqueue(storage, 'a1', 1, { response: 4001, seq: 2, answeredAt: 1_700_000_000_000 });
    expect(readQueue(storage, 'a1')).toEqual({ 1: { response: 4001, seq: 2, answeredAt: 1_700_000_000_000 } });
    expect(resumeAnswer(undefined, readQueue(storage, 'a1')[1])).toEqual({ response: 4001, seq: 2, unsent: true, answeredAt: 1_700_000_000_000 });
    storage.setItem('synack.answers.v1.a2', JSON.stringify({ 0: { response: 1, seq: 1, answeredAt: 'soon' } }));
    expect(readQueue(storage, 'a2')).toEqual({ 0: { response: 1, seq: 1 } });
  });

  it('ignores what it cannot read instead of failing the page', () => {
    const storage = memoryStorage();
    storage.setItem('synack.answers.v1.x', '{not json');
    expect(readQueue(storage, 'x')).toEqual({});
    storage.setItem('synack.answers.v1.x', JSON.stringify({ 0: { response: 1 }, one: { response: 1, seq: 1 }, 2: { response: 5, seq: 2 } }));
    expect(readQueue(storage, 'x')).toEqual({ 2: { response: 5, seq: 2 } });
  });

  it('resumes from the newer of the server and this device', () => {
    expect(resumeAnswer(undefined, undefined)).toBeNull();
    expect(resumeAnswer({ clientSeq: 2, response: 5 }, undefined)).toEqual({ response: 5, seq: 2, unsent: false });
    expect(resumeAnswer({ clientSeq: 2, response: 5 }, { response: 6, seq: 3 })).toEqual({ response: 6, seq: 3, unsent: true });
    // Another device answered since: the server's answer wins over an older queued one.
    expect(resumeAnswer({ clientSeq: 4, response: 5 }, { response: 6, seq: 3 })).toEqual({ response: 5, seq: 4, unsent: false });
  });
});

const config = assignmentConfigSchema.parse({
  topics: [...TOPICS],
  kinds: [...QUESTION_KINDS],
  count: 30,
  difficulty: 'beginner',
  variant: 'same',
  attempts: 1,
  timeLimit: null,
  feedback: 'after_submit',
});

function itemsOfEveryKind(): ItemView[] {
  const byKind = new Map<string, ItemView>();
  for (let seed = 1; byKind.size < QUESTION_KINDS.length && seed < 40; seed++) {
    // No topic lists 'len' among its kinds: an assignment asks it only when it is the one kind chosen.
    const onlyLen = { ...config, kinds: ['len' as const], count: 1 };
    for (const c of [config, onlyLen]) {
      for (const [i, spec] of attemptSpecs(c, seed, 's', 1).entries()) if (!byKind.has(spec.kind)) byKind.set(spec.kind, itemView(buildItem(spec), i));
    }
  }
  return [...byKind.values()];
}

describe('saved answers back in the inputs', () => {
  const items = itemsOfEveryKind();
  it('finds an item of every kind', () => expect(items.map((i) => i.kind).sort()).toEqual([...QUESTION_KINDS].sort()));

  const draft: fc.Arbitrary<Draft> = fc.record({
    flags: fc.subarray([...FLAGS]),
    seq: fc.oneof(fc.nat().map(String), fc.constant(''), fc.constant('x')),
    ack: fc.nat().map(String),
    len: fc.nat({ max: 2000 }).map(String),
    state: fc.constantFrom('', ...STATES),
    choice: fc.option(fc.nat({ max: 3 }), { nil: null }),
  });

  // The student's browser has only the item's view (no spec): the practice cards' drafts work on it.
  it('a stored response, put back in the inputs, gives the same response', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), draft, (item, d) => {
        const built = draftResponse(item, d);
        if (!built.ok) return;
        expect(draftResponse(item, draftOf(built.response))).toEqual(built);
      }),
    );
  });

  it('a typed number that is none is told as such (not "answer first"); an empty field is only incomplete', () => {
    const numeric = items.filter((i) => ['seq', 'ack', 'len', 'bytes'].includes(i.kind));
    expect(numeric.length).toBeGreaterThan(0);
    for (const item of numeric) {
      const field = item.kind === 'seq' || item.kind === 'ack' ? item.kind : 'len';
      const typed = (text: string) => ({ ...EMPTY_DRAFT, [field]: text });
      const error = (text: string) => {
        const built = draftResponse(item, typed(text));
        return built.ok ? null : built.errors[field];
      };
      expect(error('-5')).toMatchObject({ code: 'notWhole' });
      expect(error('1e3')).toMatchObject({ code: 'notWhole' });
      expect(error('99999999999')).toMatchObject({ code: 'tooLarge', max: field === 'len' ? MAX_LEN : MAX_SEQ });
      expect(error('')).toMatchObject({ code: 'empty' });
      expect(draftResponse(item, typed('８１０１'))).toEqual({ ok: true, response: 8101 });
    }
  });

  it('an unreadable stored response gives empty inputs, not a crash', () => {
    for (const item of items) expect(draftResponse(item, draftOf(null))).toEqual(draftResponse(item, EMPTY_DRAFT));
  });
});
