// Chinese explanations are written as Chinese: sentences follow one another without an ASCII
// space after 。, and no sentence stacks two colons (user trial: "A 处于 CLOSED：2MSL 计时器到期：TIME_WAIT 结束。").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAnswer, deriveQuestion, generateScenario, gradeAnswer, SCENARIO_FAMILIES, segmentOf, STATES, type Difficulty, type Side } from '@/lib/engine';

function checkZh(text: string): void {
  expect(text, text).not.toMatch(/[。！？] /);
  for (const sentence of text.split('。')) expect((sentence.match(/：/g) ?? []).length, sentence).toBeLessThanOrEqual(1);
}

describe('Chinese explanations', () => {
  it('of right and wrong answers about every event of every family: no space after 。, one colon per sentence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), (f, d, s) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        trace.events.forEach((e, i) => {
          for (const side of ['A', 'B'] as Side[]) {
            const q = deriveQuestion(trace, i, 'state', side);
            const right = canonicalAnswer(q);
            checkZh(gradeAnswer(q, right, 'zh').explain);
            checkZh(gradeAnswer(q, STATES.find((x) => x !== right)!, 'zh').explain);
          }
          if (!segmentOf(e)) return;
          const seg = deriveQuestion(trace, i, 'segment');
          checkZh(gradeAnswer(seg, canonicalAnswer(seg), 'zh').explain);
          const ack = deriveQuestion(trace, i, 'ack');
          checkZh(gradeAnswer(ack, ((canonicalAnswer(ack) as number) + 1) % 0x1_0000_0000, 'zh').explain);
        });
      }),
      { numRuns: 40 },
    );
  });
});
