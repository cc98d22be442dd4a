// Byte-count questions ("how many bytes of data between SYN seq 1000 and FIN seq 5001?"): the
// one right answer is the count of the trace's own data bytes, worked out a second way here from
// the segments' lengths; every other number is wrong, with a hint that gives no number away.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FAMILIES, segmentOf, seq, seqAdd, seqLe, type Difficulty, type Segment, type Side, type Trace } from '@/lib/engine';
import { byteAnswer, byteQuestions, buildItem, decodeSpec, encodeSpec, gradeItem, promptParts, type ByteQuestion } from '@/lib/quiz';

const sentBy = (trace: Trace, side: Side, before: number): Segment[] =>
  trace.events.slice(0, before).flatMap((e) => {
    const s = segmentOf(e);
    return s && s.from === side && s.len > 0 ? [s] : [];
  });

/** Data bytes the side sent before `event`, each byte once (a retransmission repeats a seq), ending at or before `end`. */
function dataBytes(trace: Trace, side: Side, before: number, end: number | null): number {
  const bySeq = new Map<number, number>();
  for (const s of sentBy(trace, side, before)) {
    if (end !== null && !seqLe(seqAdd(seq(s.seq), s.len), seq(end))) continue;
    bySeq.set(s.seq, Math.max(bySeq.get(s.seq) ?? 0, s.len));
  }
  return [...bySeq.values()].reduce((a, b) => a + b, 0);
}

const families = fc.constantFrom(...SCENARIO_FAMILIES);
const levels = fc.constantFrom<Difficulty>('beginner', 'expert');
const seeds = fc.integer({ min: 0, max: 0xffff_ffff });

describe('byte counts: the answer', () => {
  it('counts data only: SYN seq 1000 to FIN seq 5001 is 4000 bytes; ack 1401 after SYN 1000 is 400; a gap from 2001 to 2501 is 500', () => {
    expect(byteAnswer({ ask: 'span', side: 'A', from: 1000, to: 5001 })).toBe(4000);
    expect(byteAnswer({ ask: 'acked', side: 'A', from: 1000, to: 1401 })).toBe(400);
    expect(byteAnswer({ ask: 'retransmit', side: 'A', from: 2001, to: 2501 })).toBe(500);
    // across the 2^32 wrap: the ISN's own number, then 0..99 after it
    expect(byteAnswer({ ask: 'span', side: 'A', from: 0xffff_ffff - 49, to: 51 })).toBe(100);
  });

  it('is the trace\'s own data bytes, summed from the segments\' lengths (every family, difficulty, seed)', () => {
    fc.assert(
      fc.property(families, levels, seeds, (family, difficulty, seed) => {
        const item = (() => {
          try {
            return buildItem({ kind: 'bytes', family, seed, difficulty });
          } catch {
            return null;
          }
        })();
        if (!item || item.kind !== 'bytes') return;
        for (const { event, question } of byteQuestions(item.trace)) {
          const answer = byteAnswer(question);
          if (question.ask === 'span') expect(answer).toBe(dataBytes(item.trace, question.side, event, null));
          if (question.ask === 'acked') expect(answer).toBe(dataBytes(item.trace, question.side, event, question.to));
          if (question.ask === 'retransmit') expect(answer).toBe(segmentOf(item.trace.events[event])?.len);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every family with a handshake asks one, and loss asks what must be resent', () => {
    for (const family of SCENARIO_FAMILIES) {
      if (family === 'refused') continue;
      expect(() => buildItem({ kind: 'bytes', family, seed: 1, difficulty: 'beginner' }), family).not.toThrow();
    }
    const asks = (family: 'lost_data' | 'data_transfer') =>
      [...new Set(Array.from({ length: 40 }, (_, seed) => (buildItem({ kind: 'bytes', family, seed, difficulty: 'beginner' }) as { question: ByteQuestion }).question.ask))].sort();
    expect(asks('lost_data')).toEqual(['acked', 'retransmit']);
    expect(asks('data_transfer')).toEqual(['acked', 'span']);
  });
});

describe('byte counts: grading', () => {
  it('accepts exactly one number; a wrong one gets a hint without the number and a misconception', () => {
    fc.assert(
      fc.property(fc.constantFrom('data_transfer', 'lost_data', 'out_of_order', 'half_close', 'client_closes_first'), levels, seeds, fc.integer({ min: -3000, max: 3000 }), (family, difficulty, seed, off) => {
        const item = buildItem({ kind: 'bytes', family, seed, difficulty });
        if (item.kind !== 'bytes') throw new Error('not a byte item');
        const right = byteAnswer(item.question);
        const ok = gradeItem(item, right, 'en');
        expect(ok).toMatchObject({ correct: true, canonical: right, misconception: null, hint: null });
        expect(ok.explain).toContain(`= ${right} bytes`);
        expect(gradeItem(item, right, 'zh').explain).toContain(`= ${right} 字节`);
        const given = right + off;
        if (off === 0 || given < 0) return;
        for (const lang of ['en', 'zh'] as const) {
          const wrong = gradeItem(item, given, lang);
          expect(wrong.correct).toBe(false);
          expect(wrong.canonical).toBe(right);
          expect(wrong.misconception).not.toBeNull();
          expect(wrong.hint).toBeTruthy();
          if (right >= 10) expect(wrong.hint).not.toContain(String(right));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the mistake: the SYN or FIN counted as data, the ack taken for the last byte, everything after the gap resent', () => {
    const kinds = new Map<string, ReturnType<typeof buildItem>>();
    for (let seed = 0; kinds.size < 3 && seed < 200; seed++) {
      for (const family of ['lost_data', 'data_transfer'] as const) {
        const item = buildItem({ kind: 'bytes', family, seed, difficulty: 'beginner' });
        if (item.kind === 'bytes') kinds.set(item.question.ask, item);
      }
    }
    const answerOf = (item: ReturnType<typeof buildItem>) => (item.kind === 'bytes' ? byteAnswer(item.question) : NaN);
    const spanItem = kinds.get('span') as ReturnType<typeof buildItem>;
    expect(gradeItem(spanItem, answerOf(spanItem) + 1, 'en').misconception).toBe('syn_fin_consume_one');
    expect(gradeItem(spanItem, answerOf(spanItem) + 2, 'en').misconception).toBe('syn_fin_consume_one');
    const acked = kinds.get('acked') as ReturnType<typeof buildItem>;
    expect(gradeItem(acked, answerOf(acked) + 1, 'en').misconception).toBe('syn_fin_consume_one');
    expect(gradeItem(acked, answerOf(acked) - 1, 'en').misconception).toBe('ack_is_next_byte');
    // Far off from an ack (the ack itself given as the count): the ack misread, not how seq advances.
    const ackNumber = acked.kind === 'bytes' ? acked.question.to : NaN;
    expect(gradeItem(acked, ackNumber, 'en').misconception).toBe('ack_is_next_byte');
    expect(gradeItem(spanItem, answerOf(spanItem) - 1, 'en').misconception).toBe('syn_fin_consume_one');
    expect(gradeItem(spanItem, answerOf(spanItem) + 500, 'en').misconception).toBe('seq_counts_bytes');
    const resend = kinds.get('retransmit') as ReturnType<typeof buildItem>;
    expect(gradeItem(resend, answerOf(resend) + 200, 'en').misconception).toBe('retransmit_only_the_gap');
  });

  it('rejects a response that is not a whole number of bytes', () => {
    const item = buildItem({ kind: 'bytes', family: 'data_transfer', seed: 1, difficulty: 'beginner' });
    for (const bad of [-1, 1.5, '400', ['ACK'], { option: 0 }]) expect(() => gradeItem(item, bad as never, 'en')).toThrow(/whole number/);
  });
});

describe('byte counts: the item', () => {
  it('is a share-link spec; the prompt gives both numbers; the retransmission itself is not shown before it is asked', () => {
    fc.assert(
      fc.property(fc.constantFrom('data_transfer', 'lost_data', 'out_of_order'), levels, seeds, (family, difficulty, seed) => {
        const spec = { kind: 'bytes' as const, family, seed, difficulty };
        expect(decodeSpec(encodeSpec(spec))).toEqual(spec);
        const item = buildItem(spec);
        if (item.kind !== 'bytes') throw new Error('not a byte item');
        const { key, values } = promptParts(item);
        expect(key).toBe(`bytes_${item.question.ask}`);
        expect([values.from, values.to]).toEqual([item.question.from, item.question.to]);
        expect(item.shown).toBe(item.question.ask === 'retransmit' ? item.event : item.event + 1);
        expect(item.trace.events.some((e) => 'expect' in e)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
