import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSpec } from '@/lib/quiz';
import { buildQuestion, freshRef, targetOf, type ReviewTarget } from '@/lib/revision';

describe('fresh questions for a review', () => {
  it('serve the same skill in the same shape with new numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 0, max: 0xffff_ffff }), (original, seed) => {
        const ref = `ack.handshake.${original}.b`;
        const q = buildQuestion(ref)!;
        const target = targetOf(ref, { skill: q.skill, kind: 'ack' });
        const fresh = freshRef(target, seed, ref)!;
        expect(fresh).not.toBe(ref);
        const spec = decodeSpec(fresh)!;
        expect([spec.kind, spec.family, spec.difficulty]).toEqual(['ack', 'handshake', 'beginner']);
        expect(buildQuestion(fresh)!.skill).toBe(q.skill);
        expect(freshRef(target, seed, ref)).toBe(fresh);
      }),
      { numRuns: 25 },
    );
  });

  it('a lesson question is reviewed on generated scenarios of the same kind and skill', () => {
    const target = targetOf('lesson:/en/learn/tcp-header#quiz-1', { skill: 'ack_of_syn', kind: 'ack' });
    expect(target).toEqual({ type: 'quiz', skill: 'ack_of_syn', kind: 'ack', family: null, difficulty: 'beginner' });
    const fresh = freshRef(target, 99)!;
    expect(buildQuestion(fresh)!.skill).toBe('ack_of_syn');
  });

  it('an exam-track style is reviewed with another seed of that style', () => {
    const target: ReviewTarget = targetOf('track.bytes_sent.5.e', { skill: 'ack_of_data', kind: 'multiple_choice' });
    expect(target).toEqual({ type: 'track', style: 'bytes_sent', difficulty: 'expert' });
    const fresh = freshRef(target, 1, 'track.bytes_sent.5.e')!;
    expect(fresh).toMatch(/^track\.bytes_sent\.\d+\.e$/);
    expect(fresh).not.toBe('track.bytes_sent.5.e');
  });
});
