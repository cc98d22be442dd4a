// Spot the error holds exactly one error: the trace breaks the rules at the planted event and
// nowhere else (206 of 700 beginner items once flagged later segments too), and the diagram's
// states go on as the real connection's do after it, so they do not point at the answer by
// freezing there. Over every family, level and many seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, replayRecords, SCENARIO_FAMILIES, type Difficulty } from '@/lib/engine';
import { buildItem } from '@/lib/quiz';

describe('spot the error', () => {
  it('breaks exactly one rule, at the planted event, and the states after it are the real connection\'s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.integer({ min: 0, max: 0xffff_ffff }), (family, difficulty, seed) => {
        const item = buildItem({ kind: 'spot_error', family, seed, difficulty });
        const records = replayRecords(item.trace);
        expect(records.flatMap((r, i) => (r.finding ? [i] : [])), `${family}.${seed}`).toEqual([item.event]);
        const scenario = generateScenario(family, { seed, difficulty });
        const real = replayRecords({ ...scenario, events: scenario.events.filter((e) => !('expect' in e)) });
        expect(records.slice(item.event + 1).map((r) => r.states)).toEqual(real.slice(item.event + 1).map((r) => r.states));
      }),
      { numRuns: 300 },
    );
  });
});
