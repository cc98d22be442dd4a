// A whole-segment question's right answer names "any ISN" where the rules leave the seq free:
// the first SYN of each side; every other segment's seq is fixed by what came before.
import { describe, expect, it } from 'vitest';
import { freeField } from '@/lib/classroom/free-field';
import { buildItem } from '@/lib/quiz';
import { canonicalAnswer, type SegmentAnswer } from '@/lib/engine';

describe('freeField', () => {
  it("is true for a SYN's seq and false for every later segment's seq and for acks", () => {
    const seen = { syn: 0, other: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const item = buildItem({ kind: 'segment', family: 'handshake', seed, difficulty: 'beginner' });
      if (item.kind !== 'segment') throw new Error('not a segment item');
      const answer = canonicalAnswer(item.question) as SegmentAnswer;
      const syn = answer.flags.includes('SYN');
      seen[syn ? 'syn' : 'other']++;
      expect(freeField(item.question, answer, 'seq')).toBe(syn);
      if (answer.flags.includes('ACK')) expect(freeField(item.question, answer, 'ack')).toBe(false);
    }
    expect(seen.syn).toBeGreaterThan(0);
    expect(seen.other).toBeGreaterThan(0);
  });
});
