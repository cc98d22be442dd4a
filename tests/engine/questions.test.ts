import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalAnswer, deriveQuestion, generateScenario, gradeAnswer, QuestionError, SCENARIO_FAMILIES, STATES,
  type Difficulty, type Side, type TraceEvent,
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
    expect(gradeAnswer(deriveQuestion(trace, 1, 'state', 'B'), 'SYN_RECEIVED', 'en').explain).toContain('B sends SYN,ACK');
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
