// Lesson quiz blocks with the author's own options (docs/authoring.md): every option is judged by
// the engine when the lesson loads, so an option marked right that a conforming TCP may not send,
// or an unmarked one that it may, fails the build with the file, line and option named.
import { describe, expect, it } from 'vitest';
import { contentRoot, loadLesson } from '@/lib/content';
import { ContentError } from '@/lib/content/errors';
import { quizBlockSchema } from '@/lib/content/schema';
import { buildQuizView } from '@/lib/content/trace-view';
import { gradeItem, lessonChoiceItem } from '@/lib/quiz';

const where = { file: 'content/lessons/en/x.md', line: 7 };

const handshake = {
  endpoints: { A: { role: 'client' }, B: { role: 'server' } },
  events: [
    { send: { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 }, id: 'syn' },
    { deliver: 'syn' },
    { expect: { A: 'SYN_SENT', B: 'SYN_RECEIVED' } },
    { send: { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 }, id: 'synack' },
    { deliver: 'synack' },
  ],
};

const seg = (flags: string[], seq: number, ack: number, right?: true) => ({ flags, seq, ack, len: 0, ...(right ? { right } : {}) });

function view(options: unknown[]) {
  return buildQuizView(quizBlockSchema.parse({ trace: handshake, event: 3, options }), where);
}

describe('author-written options', () => {
  it('a block whose marked option is the one legal segment loads, and grades like practice: only that option is right', () => {
    const v = view([seg(['SYN'], 5000, 0), seg(['SYN', 'ACK'], 5000, 1001, true), seg(['SYN', 'ACK'], 5000, 1000), seg(['ACK'], 5000, 1001)]);
    if (!('options' in v) || !('segments' in v.options)) throw new Error('not a segment choice');
    const item = lessonChoiceItem(v.trace, v.event, v.options);
    expect(item.kind).toBe('multiple_choice');
    expect([0, 1, 2, 3].map((option) => gradeItem(item, { option }, 'en').correct)).toEqual([false, true, false, false]);
    const why = gradeItem(item, { option: 2 }, 'zh');
    expect(why.misconception).toBe('syn_fin_consume_one');
  });

  it('fails the build when an option marked right is rejected, or one not marked is accepted (a SYN,ACK\'s ISN is free)', () => {
    expect(() => view([seg(['SYN', 'ACK'], 5000, 1000, true), seg(['ACK'], 5000, 1001)])).toThrow(/option A is marked right, but the engine rejects it: B must acknowledge/);
    expect(() => view([seg(['SYN', 'ACK'], 5000, 1001, true), seg(['SYN', 'ACK'], 7777, 1001)])).toThrow(/option B is not marked right, but the engine accepts it/);
    expect(() => view([seg(['SYN', 'ACK'], 5000, 1001), seg(['ACK'], 5000, 1001)])).toThrow(/mark exactly one option right \(0 are\)/);
    try {
      view([seg(['SYN', 'ACK'], 5000, 1000, true), seg(['ACK'], 5000, 1001)]);
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect(String((e as Error).message)).toContain('x.md');
    }
  });

  it('state-pair options are judged on both sides', () => {
    const pairs = (right: number) => [{ A: 'ESTABLISHED', B: 'SYN_RECEIVED' }, { A: 'SYN_SENT', B: 'SYN_RECEIVED' }, { A: 'ESTABLISHED', B: 'ESTABLISHED' }].map((p, i) => (i === right ? { ...p, right: true } : p));
    const ok = buildQuizView(quizBlockSchema.parse({ trace: handshake, event: 4, options: pairs(0) }), where);
    expect('options' in ok && 'states' in ok.options).toBe(true);
    expect(() => buildQuizView(quizBlockSchema.parse({ trace: handshake, event: 4, options: pairs(2) }), where)).toThrow(/option C is marked right, but the engine rejects it/);
  });

  it('a block asks a field or gives options, not both, and options are all segments or all state pairs', () => {
    expect(quizBlockSchema.safeParse({ trace: handshake, event: 3, field: 'ack', options: [seg(['ACK'], 1, 1), seg(['ACK'], 2, 2)] }).success).toBe(false);
    expect(quizBlockSchema.safeParse({ trace: handshake, event: 3 }).success).toBe(false);
    expect(quizBlockSchema.safeParse({ trace: handshake, event: 3, options: [seg(['ACK'], 1, 1), { A: 'CLOSED', B: 'CLOSED' }] }).success).toBe(false);
    expect(quizBlockSchema.safeParse({ trace: handshake, event: 3, options: [seg(['URG'], 1, 1), seg(['ACK'], 2, 2)] }).success).toBe(false);
  });
});

describe('the lessons exams ask about carry exam-style choices', () => {
  it('handshake, teardown and states each have one in en and zh, with the same ids', () => {
    for (const slug of ['three-way-handshake', 'four-way-teardown', 'state-machine']) {
      const ids = (['en', 'zh'] as const).map((locale) =>
        (loadLesson(locale, slug, contentRoot())?.parts ?? []).flatMap((p) => (p.type === 'quiz' && 'options' in p.quiz ? [p.id] : [])),
      );
      expect(ids[0]?.length, slug).toBeGreaterThanOrEqual(1);
      expect(ids[1], slug).toEqual(ids[0]);
    }
  });
});
