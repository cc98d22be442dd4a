import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/engine';
import { offerChoices } from '@/lib/quiz';

describe('seeded shuffle', () => {
  it('is a permutation, and the same seed gives the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 0xffff_ffff }), (items, seed) => {
        const a = seededRandom(seed).shuffle(items);
        expect([...a].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(seededRandom(seed).shuffle(items)).toEqual(a);
      }),
    );
  });
});

describe('offerChoices', () => {
  it('offers the right answer and at most `count` distinct wrong ones that the check accepts, in candidate order of preference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: 1, max: 4 }), fc.integer(), (right, candidates, count, seed) => {
        const isWrong = (n: number) => n % 3 !== 0;
        const offered = offerChoices(seededRandom(seed), right, candidates, isWrong, count);
        const wrong = offered.filter((n) => n !== right);
        expect(offered.filter((n) => n === right)).toHaveLength(1);
        expect(new Set(offered).size).toBe(offered.length);
        expect(wrong.every(isWrong)).toBe(true);
        // The first acceptable distinct candidates are the ones taken.
        const expected = [...new Set(candidates.filter((n) => n !== right && isWrong(n)))].slice(0, count);
        expect([...wrong].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
      }),
    );
  });
});
