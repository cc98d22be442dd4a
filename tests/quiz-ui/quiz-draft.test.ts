import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FAMILIES } from '@/lib/engine';
import { answerShape, buildItem, gradeItem, QUESTION_KINDS, type QuizItem } from '@/lib/quiz';
import { draftOf, draftResponse, EMPTY_DRAFT } from '@/app/_lib/quiz-draft';

function tryBuild(kind: (typeof QUESTION_KINDS)[number], family: (typeof SCENARIO_FAMILIES)[number], seed: number): QuizItem | null {
  try {
    return buildItem({ kind, family, seed, difficulty: seed % 2 ? 'expert' : 'beginner' });
  } catch {
    return null; // a family with nothing of this kind to ask
  }
}

describe('quiz drafts', () => {
  it('a response shown again in the fields (a mock exam after a reload) reads back as the same response, for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTION_KINDS), fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 0xffff_ffff }), (kind, family, seed) => {
        const item = tryBuild(kind, family, seed);
        if (!item) return;
        const canonical = gradeItem(item, kind === 'spot_error' ? { event: 0 } : kind === 'multiple_choice' || kind === 'state_choice' ? { option: 0 } : kind === 'state' ? 'CLOSED' : kind === 'next_flags' ? [] : kind === 'segment' ? { flags: [], seq: 0, ack: 0, len: 0 } : 0, 'en').canonical;
        const r = draftResponse(answerShape(item), draftOf(canonical));
        expect(r).toEqual({ ok: true, response: canonical });
        if (r.ok) expect(gradeItem(item, r.response, 'en').correct).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('an empty or half-typed draft is no response yet, with the reason per field', () => {
    const seg = answerShape(buildItem({ kind: 'segment', family: 'handshake', seed: 1, difficulty: 'beginner' }));
    expect(draftResponse(seg, { ...EMPTY_DRAFT, seq: '1000' })).toEqual({ ok: false, errors: { seq: undefined, ack: { code: 'empty', max: 0xffff_ffff } } });
    expect(draftResponse(seg, { ...EMPTY_DRAFT, seq: '１００１', ack: '4294967296' })).toEqual({ ok: false, errors: { seq: undefined, ack: { code: 'tooLarge', max: 0xffff_ffff } } });
    const state = answerShape(buildItem({ kind: 'state', family: 'handshake', seed: 1, difficulty: 'beginner' }));
    expect(draftResponse(state, EMPTY_DRAFT)).toEqual({ ok: false, errors: { state: { code: 'noState' } } });
    const spot = answerShape(buildItem({ kind: 'spot_error', family: 'handshake', seed: 1, difficulty: 'beginner' }));
    expect(draftResponse(spot, EMPTY_DRAFT)).toEqual({ ok: false, errors: { choice: { code: 'noEvent' } } });
    expect(draftOf(null)).toEqual(EMPTY_DRAFT);
    expect(draftOf({ nonsense: true })).toMatchObject({ flags: [], seq: '', ack: '' });
  });
});
