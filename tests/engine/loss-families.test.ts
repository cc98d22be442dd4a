// Property tests for the families of data loss, out-of-order delivery and the old duplicate SYN
// (RFC 9293 figure 8): at the segments exams ask about, every segment a conforming TCP may send
// is accepted and the classic wrong ones are not, whatever the seed, difficulty or wrap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveQuestion, generateScenario, gradeAnswer, replayRecords, segmentOf, segmentSpan,
  type Difficulty, type Segment, type SegmentAnswer, type Trace,
} from '@/lib/engine';

const difficulty = fc.constantFrom<Difficulty>('beginner', 'expert');
const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const MOD = 0x1_0000_0000;
const wrap = (n: number) => ((n % MOD) + MOD) % MOD;

const spanOf = (s: Segment) => segmentSpan({ syn: s.flags.includes('SYN'), fin: s.flags.includes('FIN') }, s.len);
const answerOf = (s: Segment): SegmentAnswer => ({ flags: s.flags, seq: s.seq, ack: s.ack, len: s.len });
const segmentAt = (t: Trace, i: number) => segmentOf(t.events[i]) as Segment;
const right = (t: Trace, i: number, a: SegmentAnswer) => gradeAnswer(deriveQuestion(t, i, 'segment'), a, 'en').correct;

/** The segment event i - 1 delivered (null when it is no delivery). */
function arrivedBefore(t: Trace, i: number): Segment | null {
  const prev = t.events[i - 1];
  if (!prev || !('deliver' in prev)) return null;
  for (const e of t.events) if ('send' in e && e.id === prev.deliver) return e.send;
  return null;
}

/** Events by what they are: the lost segment's id, its retransmission, B's ACKs in order. */
function lossEvents(t: Trace) {
  const dropped = t.events.flatMap((e, i) => ('drop' in e ? [i] : []));
  const lostId = dropped.length > 0 ? (t.events[dropped[0] as number] as { drop: string }).drop : null;
  const sends = t.events.flatMap((e, i) => ('send' in e ? [{ i, id: e.id, s: e.send }] : []));
  const lost = sends.find((x) => x.id === lostId);
  const retransmission = lost ? sends.find((x) => x.i > lost.i && x.s.seq === lost.s.seq && x.s.from === 'A') : undefined;
  const acks = t.events.flatMap((e, i) => {
    const s = segmentOf(e);
    return s && s.from === 'B' && s.flags.length === 1 && s.flags[0] === 'ACK' ? [i] : [];
  });
  return { lost, droppedAt: dropped[0] as number, retransmission, acks };
}

describe('lost_data: a lost segment, duplicate ACKs, the retransmission, one cumulative ACK', () => {
  it('the retransmission may start anywhere not yet acknowledged and carry up to what was sent; new data is a different segment', () => {
    fc.assert(
      fc.property(difficulty, seed, fc.double({ min: 0, max: 1, noNaN: true }), (d, s, where) => {
        const t = generateScenario('lost_data', { seed: s, difficulty: d });
        const { lost, retransmission } = lossEvents(t);
        expect(lost && retransmission).toBeTruthy();
        const k = retransmission!.i;
        const before = replayRecords({ ...t, events: t.events.slice(0, k) });
        expect(before.every((r) => r.finding === null)).toBe(true);
        const orig = retransmission!.s;
        // SND.UNA is the lost segment's seq (the duplicate ACKs say so); SND.NXT the end of the burst.
        const sndNxt = t.events.slice(0, k).map(segmentOf).filter((x): x is Segment => x?.from === 'A').reduce((n, x) => wrap(x.seq + spanOf(x)), 0);
        const room = wrap(sndNxt - orig.seq);
        const offset = Math.floor(where * (room - 1));
        const start = wrap(orig.seq + offset);
        expect(right(t, k, { ...answerOf(orig), seq: start, len: room - offset })).toBe(true); // everything from there on
        expect(right(t, k, { ...answerOf(orig), seq: start, len: 1 })).toBe(true);
        expect(right(t, k, answerOf(orig))).toBe(true);
        // Before SND.UNA is acknowledged already; more than was ever sent is not a retransmission.
        expect(right(t, k, { ...answerOf(orig), seq: wrap(orig.seq - 1), len: orig.len + 1 })).toBe(false);
        expect(right(t, k, { ...answerOf(orig), len: room + 1 })).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("every ACK after the gap repeats the ACK before it; the ACK after the retransmission covers everything received", () => {
    fc.assert(
      fc.property(difficulty, seed, (d, s) => {
        const t = generateScenario('lost_data', { seed: s, difficulty: d });
        const { lost, droppedAt, retransmission, acks } = lossEvents(t);
        const gapAt = lost!.s.seq;
        const duplicates = acks.filter((i) => i > droppedAt && i < retransmission!.i);
        expect(duplicates.length).toBeGreaterThanOrEqual(1);
        for (const i of duplicates) {
          const seg = segmentAt(t, i);
          expect(seg.ack).toBe(gapAt);
          expect(right(t, i, answerOf(seg))).toBe(true);
          // acknowledging the segment that just arrived, past the gap, is the classic mistake
          const arrived = arrivedBefore(t, i) as Segment;
          const g = gradeAnswer(deriveQuestion(t, i, 'ack'), wrap(arrived.seq + arrived.len), 'en');
          expect(g.correct).toBe(false);
          expect(g.finding).toMatchObject({ field: 'ack', expected: gapAt });
        }
        const cumulative = acks.find((i) => i > retransmission!.i) as number;
        const highest = t.events.slice(0, retransmission!.i).map(segmentOf).filter((x): x is Segment => x?.from === 'A').reduce((n, x) => wrap(x.seq + spanOf(x)), 0);
        expect(segmentAt(t, cumulative).ack).toBe(highest);
        const q = deriveQuestion(t, cumulative, 'ack');
        expect(gradeAnswer(q, highest, 'zh').correct).toBe(true);
        // only the retransmitted bytes, or the old ACK again: both leave out what B holds
        expect(gradeAnswer(q, wrap(gapAt + lost!.s.len), 'en').correct).toBe(lost!.s.seq + lost!.s.len === highest);
        expect(gradeAnswer(q, gapAt, 'en').correct).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('the next new data starts at SND.NXT (after the burst), not after the retransmitted segment', () => {
    fc.assert(
      fc.property(difficulty, seed, (d, s) => {
        const t = generateScenario('lost_data', { seed: s, difficulty: d });
        const { retransmission, lost } = lossEvents(t);
        const next = t.events.findIndex((e, i) => i > retransmission!.i && segmentOf(e)?.from === 'A' && (segmentOf(e)?.len ?? 0) > 0);
        const q = deriveQuestion(t, next, 'seq');
        expect(gradeAnswer(q, segmentAt(t, next).seq, 'en').correct).toBe(true);
        // the lost segment is never the last of the burst, so this is always a different number
        expect(gradeAnswer(q, wrap(lost!.s.seq + lost!.s.len), 'en').correct).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('the retransmission is fast (no timer) only after three duplicate ACKs', () => {
    for (let s = 0; s < 60; s++) {
      const t = generateScenario('lost_data', { seed: s, difficulty: 'beginner' });
      const { droppedAt, retransmission, acks } = lossEvents(t);
      const duplicates = acks.filter((i) => i > droppedAt && i < retransmission!.i).length;
      const timer = t.events.slice(droppedAt, retransmission!.i).some((e) => 'timeout' in e);
      expect(timer).toBe(duplicates < 3);
    }
  });
});

describe('out_of_order: segments beyond a gap are held; the ACK moves when the gap fills', () => {
  it('each ACK is RCV.NXT: the end of the bytes received in order, never the end of the segment just arrived', () => {
    fc.assert(
      fc.property(difficulty, seed, (d, s) => {
        const t = generateScenario('out_of_order', { seed: s, difficulty: d });
        const records = replayRecords(t);
        expect(records.every((r) => r.finding === null)).toBe(true);
        let reordered = 0;
        t.events.forEach((e, i) => {
          const seg = segmentOf(e);
          const arrived = arrivedBefore(t, i);
          if (!seg || seg.from !== 'B' || seg.len > 0 || !arrived) return;
          const end = wrap(arrived.seq + arrived.len);
          const q = deriveQuestion(t, i, 'ack');
          expect(gradeAnswer(q, seg.ack, 'en').correct).toBe(true);
          if (end !== seg.ack) {
            reordered++;
            expect(gradeAnswer(q, end, 'en')).toMatchObject({ correct: false, finding: { field: 'ack', expected: seg.ack } });
          }
        });
        expect(reordered).toBeGreaterThanOrEqual(1); // the order really differs
      }),
      { numRuns: 150 },
    );
  });
});

describe('old_duplicate_syn: RFC 9293 figure 8', () => {
  const parts = (t: Trace) => {
    const synAcks = t.events.flatMap((e, i) => (segmentOf(e)?.from === 'B' && segmentOf(e)?.flags.includes('SYN') ? [i] : []));
    const rst = t.events.findIndex((e) => segmentOf(e)?.flags.includes('RST'));
    const syns = t.events.flatMap((e) => ('send' in e && e.send.from === 'A' && e.send.flags.includes('SYN') ? [e.send] : []));
    return { first: synAcks[0] as number, second: synAcks[1] as number, rst, old: syns[0] as Segment, real: syns[1] as Segment };
  };

  it('replays valid; B goes back to LISTEN on the RST, then the real SYN opens the connection', () => {
    fc.assert(
      fc.property(difficulty, seed, (d, s) => {
        const t = generateScenario('old_duplicate_syn', { seed: s, difficulty: d });
        const records = replayRecords(t);
        expect(records.every((r) => r.finding === null)).toBe(true);
        const { rst, old, real } = parts(t);
        expect(real.seq).not.toBe(old.seq);
        expect(records[rst]?.states).toEqual({ A: 'SYN_SENT', B: 'LISTEN' });
        expect(records.at(-1)?.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
      }),
      { numRuns: 150 },
    );
  });

  it("A's answer to the SYN,ACK of the old SYN is RST with seq = its ack; retransmitting its own SYN is also allowed", () => {
    fc.assert(
      fc.property(difficulty, seed, (d, s) => {
        const t = generateScenario('old_duplicate_syn', { seed: s, difficulty: d });
        const { first, rst, real } = parts(t);
        const synAck = segmentAt(t, first);
        expect(segmentAt(t, rst)).toMatchObject({ flags: ['RST'], seq: synAck.ack, ack: 0 });
        expect(right(t, rst, { flags: ['RST'], seq: synAck.ack, ack: 0, len: 0 })).toBe(true);
        // Its own SND.NXT, or the seq of the SYN,ACK, are not what RFC 9293 3.10.7.3 sends
        expect(right(t, rst, { flags: ['RST'], seq: wrap(real.seq + 1), ack: 0, len: 0 })).toBe(false);
        expect(right(t, rst, { flags: ['RST'], seq: synAck.seq, ack: 0, len: 0 })).toBe(false);
        // accepting the SYN,ACK (completing a handshake A never asked for) is wrong
        expect(right(t, rst, { flags: ['ACK'], seq: wrap(real.seq + 1), ack: wrap(synAck.seq + 1), len: 0 })).toBe(false);
        // A is still in SYN_SENT: its retransmission timer may send its SYN again
        expect(right(t, rst, { flags: ['SYN'], seq: real.seq, ack: 0, len: 0 })).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("B's SYN,ACK to the real SYN may carry any ISN and must acknowledge the real SYN, not the old one", () => {
    fc.assert(
      fc.property(difficulty, seed, seed, (d, s, isn) => {
        const t = generateScenario('old_duplicate_syn', { seed: s, difficulty: d });
        const { second, old, real } = parts(t);
        expect(right(t, second, { flags: ['SYN', 'ACK'], seq: isn, ack: wrap(real.seq + 1), len: 0 })).toBe(true);
        const g = gradeAnswer(deriveQuestion(t, second, 'ack'), wrap(old.seq + 1), 'en');
        expect(g).toMatchObject({ correct: false, finding: { field: 'ack', expected: wrap(real.seq + 1) } });
      }),
      { numRuns: 150 },
    );
  });
});

describe("lost_synack: the client's timer fires first", () => {
  it('the server may answer the repeated SYN with a plain ACK (RFC 9293 3.10.7.4) or repeat its SYN,ACK (Linux)', () => {
    let checked = 0;
    for (let s = 0; s < 40; s++) {
      const t = generateScenario('lost_synack', { seed: s, difficulty: s % 2 === 0 ? 'beginner' : 'expert' });
      if (!t.events.some((e) => 'timeout' in e && e.timeout.at === 'A')) continue;
      const k = t.events.findLastIndex((e) => 'send' in e && e.send.from === 'B');
      const synAck = segmentAt(t, k);
      expect(right(t, k, answerOf(synAck))).toBe(true);
      expect(right(t, k, { flags: ['ACK'], seq: wrap(synAck.seq + 1), ack: synAck.ack, len: 0 })).toBe(true);
      expect(right(t, k, { flags: ['ACK'], seq: synAck.seq, ack: synAck.ack, len: 0 })).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
