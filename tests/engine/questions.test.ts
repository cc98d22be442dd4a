import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalAnswer, deriveQuestion, generateScenario, gradeAnswer, QuestionError, SCENARIO_FAMILIES, STATES,
  type Difficulty, type SegmentAnswer, type Side, type TraceEvent,
} from '@/lib/engine';
import { HANDSHAKE } from './helpers';
import { parseTrace } from '@/lib/engine';

const isSegment = (e: TraceEvent) => 'send' in e || 'from' in e;

describe('questions graded by replay', () => {
  it('the canonical answer of every field of every event grades correct; ack + 1 and a wrong state grade wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), (f, d, s) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        trace.events.forEach((e, i) => {
          for (const side of ['A', 'B'] as Side[]) {
            const q = deriveQuestion(trace, i, 'state', side);
            const right = canonicalAnswer(q);
            expect(gradeAnswer(q, right, 'en').correct).toBe(true);
            const other = STATES.find((x) => x !== right) as (typeof STATES)[number];
            const g = gradeAnswer(q, other, 'zh');
            expect(g).toMatchObject({ correct: false, canonical: right, finding: { field: 'state' } });
          }
          if (!isSegment(e)) return;
          for (const field of ['flags', 'seq', 'ack', 'len'] as const) {
            const q = deriveQuestion(trace, i, field);
            expect(gradeAnswer(q, canonicalAnswer(q), 'en').correct).toBe(true);
          }
          const ack = deriveQuestion(trace, i, 'ack');
          const wrong = gradeAnswer(ack, ((canonicalAnswer(ack) as number) + 1) % 0x1_0000_0000, 'en');
          expect(wrong.correct).toBe(false);
          expect(wrong.explain.length).toBeGreaterThan(20);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('every answer a conforming TCP could give is accepted: any ISN for a first SYN', () => {
    const trace = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: HANDSHAKE });
    const q = deriveQuestion(trace, 0, 'seq');
    for (const isn of [0, 12345, 0xffff_ffff]) expect(gradeAnswer(q, isn, 'en').correct).toBe(true);
  });

  it('a wrong ack is explained with the rule and numbers, in the learner\'s language', () => {
    const trace = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [
      { from: 'A', flags: ['SYN'], seq: 1000, ack: 0 }, { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001 } ] });
    const q = deriveQuestion(trace, 1, 'ack');
    expect(gradeAnswer(q, 1000, 'en')).toMatchObject({ correct: false, canonical: 1001, finding: { code: 'ACK_OF_SYN', expected: 1001 } });
    expect(gradeAnswer(q, 1000, 'zh').explain).toContain('1000 + 1 = 1001');
    // a right answer is confirmed with the rule that makes it right
    expect(gradeAnswer(q, 1001, 'en').explain).toBe("B must acknowledge A's SYN: the SYN consumes one sequence number, so ack = 1000 + 1 = 1001.");
    // a SYN,ACK is confirmed by the rule that turns SYN on, not only by the ACK-flag rule
    expect(gradeAnswer(deriveQuestion(trace, 1, 'flags'), ['SYN', 'ACK'], 'zh')).toMatchObject({ correct: true, rule: { code: 'SYNACK_REQUIRED' } });
    expect(gradeAnswer(deriveQuestion(trace, 1, 'flags'), ['SYN', 'ACK'], 'zh').explain).toContain('既送出自己的 ISN');
    // a state is confirmed with that side's own transition, not with what the other side did
    expect(gradeAnswer(deriveQuestion(trace, 1, 'state', 'B'), 'SYN_RECEIVED', 'en').explain).toBe(
      "B is in SYN_RECEIVED: it received the peer's SYN and answers with a SYN,ACK; it waits for the ACK of its own SYN.",
    );
    expect(gradeAnswer(deriveQuestion(trace, 1, 'state', 'A'), 'ESTABLISHED', 'zh').explain).toContain('A 处于 ESTABLISHED：它的 SYN 已被确认');
  });

  it('a wrong state is explained with the reason for the real one: the side that sent the first FIN waits', () => {
    const trace = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [
      { from: 'A', flags: ['SYN'], seq: 1000, ack: 0 },
      { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001 },
      { from: 'A', flags: ['ACK'], seq: 1001, ack: 5001 },
      { from: 'A', flags: ['FIN', 'ACK'], seq: 1001, ack: 5001, len: 0 },
      { from: 'B', flags: ['FIN', 'ACK'], seq: 5001, ack: 1002, len: 0 },
      { from: 'A', flags: ['ACK'], seq: 1002, ack: 5002, len: 0 },
    ] });
    const last = trace.events.length - 1;
    const a = gradeAnswer(deriveQuestion(trace, last, 'state', 'A'), 'CLOSED', 'en');
    expect(a.explain).toMatch(/^A is in TIME_WAIT, not CLOSED.*The side that sent the first FIN waits 2MSL/);
    expect(a.explain).not.toContain('simultaneous'); // a normal close: no aside about both sides waiting
    const b = gradeAnswer(deriveQuestion(trace, last, 'state', 'B'), 'TIME_WAIT', 'zh');
    expect(b.explain).toContain('不经过 TIME_WAIT');
  });

  it('a wrong state of a side that has not moved yet hints at its starting state, not at segments it never saw', () => {
    const trace = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [
      { app: { at: 'A', call: 'connect' } },
      { send: { from: 'A', flags: ['SYN'], seq: 1000, ack: 0 }, id: 's' },
      { deliver: 's' },
    ] });
    const before = gradeAnswer(deriveQuestion(trace, 0, 'state', 'B'), 'CLOSED', 'en');
    expect(before.hint).toMatch(/B has not changed state since the start.*server starts in LISTEN/);
    expect(gradeAnswer(deriveQuestion(trace, 0, 'state', 'B'), 'CLOSED', 'zh').hint).toContain('LISTEN');
    // once B has moved, the hint follows its segments again
    const after = gradeAnswer(deriveQuestion(trace, 2, 'state', 'B'), 'LISTEN', 'en');
    expect(after.hint).toMatch(/Follow B through the last segments/);
  });

  it('the sum an explanation shows is right and is the expected number, in both languages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), fc.constantFrom('en', 'zh' as const), (f, d, s, lang) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        trace.events.forEach((e, i) => {
          if (!isSegment(e)) return;
          for (const field of ['seq', 'ack'] as const) {
            const q = deriveQuestion(trace, i, field);
            const right = canonicalAnswer(q) as number;
            const g = gradeAnswer(q, (right + 7) % 2 ** 32, lang as 'en' | 'zh');
            if (g.correct) continue; // a free ISN or a retransmission range
            const shown = /(\d+) \+ (\d+) = (\d+)/.exec(g.explain);
            if (!shown) continue;
            const [a, b, r] = shown.slice(1).map(Number) as [number, number, number];
            expect((a + b) % 2 ** 32, g.explain).toBe(r);
            expect(r, g.explain).toBe(g.finding?.expected);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a SYN,ACK from a closed port that a SYN reached is told the port answers with RST, in both languages (trial 6 T1)', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } },
      events: [
        { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 },
        { from: 'B', flags: ['RST', 'ACK'], seq: 0, ack: 1001, len: 0 },
      ],
    });
    const q = deriveQuestion(trace, 1, 'flags');
    for (const lang of ['en', 'zh'] as const) {
      const g = gradeAnswer(q, ['SYN', 'ACK'], lang);
      expect(g).toMatchObject({ correct: false, finding: { code: 'CLOSED_SENDS_NOTHING', expected: ['RST', 'ACK'] } });
      expect(g.explain).toMatch(/RST/);
      expect(g.explain).not.toMatch(/not received any SYN|还没收到/);
    }
  });

  it('a SYN added on a synchronized connection is never told a flag set that is itself wrong (trial 6 T9)', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'client' }, B: { role: 'server' } },
      events: [
        { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 },
        { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
        { from: 'A', flags: ['ACK'], seq: 1001, ack: 5001, len: 0 },
        { from: 'B', flags: ['FIN', 'ACK'], seq: 5001, ack: 1001, len: 0 },
        { from: 'A', flags: ['ACK'], seq: 1001, ack: 5002, len: 0 },
        { app: { at: 'A', call: 'close' } },
        { from: 'A', flags: ['FIN', 'ACK'], seq: 1001, ack: 5002, len: 0 },
      ],
    });
    const q = deriveQuestion(trace, 6, 'flags');
    for (const lang of ['en', 'zh'] as const) {
      const g = gradeAnswer(q, ['SYN', 'ACK'], lang);
      expect(g).toMatchObject({ correct: false, canonical: ['FIN', 'ACK'], finding: { code: 'SYN_AFTER_SYNCHRONIZED' } });
      expect(g.explain).not.toMatch(/flags are ACK|标志位应为 ACK/);
    }
    expect(gradeAnswer(q, ['ACK'], 'en').correct).toBe(false);
  });

  it("a right whole segment is explained once per rule: a RST answering a segment in one sentence with its seq and ack (trial 6 T2)", () => {
    let resets = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), fc.constantFrom('en', 'zh' as const), (f, d, s, lang) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        trace.events.forEach((e, i) => {
          if (!isSegment(e)) return;
          const q = deriveQuestion(trace, i, 'segment');
          const right = canonicalAnswer(q) as SegmentAnswer;
          const g = gradeAnswer(q, right, lang as 'en' | 'zh');
          expect(g.correct).toBe(true);
          const citations = g.explain.match(/RFC \d+ [\d.]+/g) ?? [];
          expect(new Set(citations).size, g.explain).toBe(citations.length);
          if (g.rule?.code === 'RST_ANSWER_ACK_FLAG') {
            resets++;
            expect(citations.length, g.explain).toBe(1);
            expect(g.explain).toContain(`seq = ${right.seq}`.replace('seq = 0', 'seq'));
          }
        });
      }),
      { numRuns: 120 },
    );
    expect(resets, 'scenarios with a RST answering a segment').toBeGreaterThan(0);
  });

  it('rejects ill-posed questions and ill-typed answers', () => {
    const trace = generateScenario('handshake', { seed: 1 });
    expect(() => deriveQuestion(trace, 99, 'ack')).toThrow(QuestionError);
    expect(() => deriveQuestion(trace, 0, 'ack')).toThrow(/not a segment/); // event 0 is app connect
    expect(() => deriveQuestion(trace, 0, 'state')).toThrow(/names the side/);
    const q = deriveQuestion(trace, 2, 'flags');
    expect(() => gradeAnswer(q, ['SYN', 'SYN'] as never, 'en')).toThrow(QuestionError);
    expect(() => gradeAnswer(q, 5 as never, 'en')).toThrow(QuestionError);
    const broken = { ...trace, events: [...trace.events.slice(0, 2), { from: 'A', flags: ['ACK'], seq: 1, ack: 1, len: 0 } as TraceEvent] };
    expect(() => deriveQuestion(broken, 2, 'seq')).toThrow(/not valid at event 2/);
  });
});
