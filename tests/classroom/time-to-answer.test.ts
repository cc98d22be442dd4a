// How long a timed attempt started now would run (trial T29): the limit, or what is left before
// the due time when that comes first, never negative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptDeadline, timeToAnswer } from '@/lib/classroom/rules';

const MIN = 60_000;
const at = (dueAt: number, timeLimit: number | null) => ({ dueAt, config: { timeLimit } });

describe('timeToAnswer', () => {
  it('a 30-minute exam started 7 minutes before its due time has 7 minutes, and says it is cut', () => {
    expect(timeToAnswer(at(1_000 + 7 * MIN, 30), 1_000)).toEqual({ ms: 7 * MIN, cut: true });
    expect(timeToAnswer(at(1_000 + 60 * MIN, 30), 1_000)).toEqual({ ms: 30 * MIN, cut: false });
    expect(timeToAnswer(at(1_000 + 30 * MIN, 30), 1_000)).toEqual({ ms: 30 * MIN, cut: false });
    expect(timeToAnswer(at(1_000, 30), 5_000)).toEqual({ ms: 0, cut: true });
    expect(timeToAnswer(at(1_000 + 7 * MIN, null), 1_000)).toBeNull();
  });

  it('is what an attempt started then gets: its deadline minus its start', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 1, max: 600 }), (now, toDue, limit) => {
        const a = at(now + toDue, limit);
        const t = timeToAnswer(a, now)!;
        expect(t.ms).toBe(Math.max(0, attemptDeadline(a, now) - now));
        expect(t.ms).toBeLessThanOrEqual(limit * MIN);
        expect(t.cut).toBe(now + limit * MIN > a.dueAt);
      }),
    );
  });
});
