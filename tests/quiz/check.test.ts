// checkAnswer says right or wrong as data, with no words; explainCheck words it in a language.
// Together they are gradeItem, for every kind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FAMILIES, type Difficulty } from '@/lib/engine';
import { buildItem, checkAnswer, explainCheck, gradeItem, QUESTION_KINDS, ResponseError, rightResponse, type QuizItem, type Response } from '@/lib/quiz';

/** A well-shaped response of each kind: right or wrong, it must be checkable. */
function someResponses(item: QuizItem): Response[] {
  switch (item.kind) {
    case 'spot_error':
      return [{ event: item.event }, { event: 0 }];
    case 'multiple_choice':
    case 'state_choice':
      return item.options.map((_, option) => ({ option }));
    case 'next_flags':
      return [[], ['ACK']];
    case 'state':
      return ['CLOSED', 'ESTABLISHED'];
    case 'segment':
      return [{ flags: ['ACK'], seq: 0, ack: 0, len: 0 }];
    default:
      return [0, 1001];
  }
}

function buildable(kind: (typeof QUESTION_KINDS)[number], family: (typeof SCENARIO_FAMILIES)[number], seed: number, difficulty: Difficulty): QuizItem | null {
  try {
    return buildItem({ kind, family, seed, difficulty });
  } catch {
    return null;
  }
}

describe('checkAnswer', () => {
  it('for every kind, the answer key (rightResponse) grades right and is the canonical answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTION_KINDS), fc.constantFrom(...SCENARIO_FAMILIES), fc.nat(0xffff_ffff), fc.constantFrom<Difficulty>('beginner', 'expert'), (k, f, s, d) => {
        const item = buildable(k, f, s, d);
        if (!item) return;
        const key = rightResponse(item);
        const check = checkAnswer(item, key);
        expect(check.correct).toBe(true);
        expect(check.canonical).toEqual(key);
      }),
      { numRuns: 200 },
    );
  });

  it('for every kind: the check has no words, is plain JSON, and with explainCheck is exactly gradeItem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTION_KINDS), fc.constantFrom(...SCENARIO_FAMILIES), fc.nat(0xffff_ffff), fc.constantFrom<Difficulty>('beginner', 'expert'), (k, f, s, d) => {
        const item = buildable(k, f, s, d);
        if (!item) return;
        for (const response of someResponses(item)) {
          const check = checkAnswer(item, response);
          expect(JSON.stringify(check)).not.toMatch(/"(explain|hint)"/);
          expect(JSON.parse(JSON.stringify(check))).toEqual(check);
          for (const lang of ['en', 'zh'] as const) {
            const { verdict: _v, verdictSide: _s, optionVerdicts: _o, ...data } = check;
            expect(gradeItem(item, response, lang)).toEqual({ ...data, ...explainCheck(item, check, lang) });
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the words follow the language; the verdict does not', () => {
    const item = buildItem({ kind: 'ack', family: 'handshake', seed: 3, difficulty: 'beginner' });
    const wrong = checkAnswer(item, 1);
    expect(wrong.correct).toBe(false);
    expect(wrong.finding?.field).toBe('ack');
    const en = explainCheck(item, wrong, 'en');
    const zh = explainCheck(item, wrong, 'zh');
    expect(en.explain).not.toBe(zh.explain);
    expect(en.hint).toBeTruthy();
    expect(zh.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a multiple-choice check judges every option, and only one is right', () => {
    const item = buildItem({ kind: 'multiple_choice', family: 'handshake', seed: 8, difficulty: 'beginner' });
    if (item.kind !== 'multiple_choice') throw new Error('not a multiple-choice item');
    const check = checkAnswer(item, { option: 0 });
    expect(check.optionVerdicts).toHaveLength(item.options.length);
    expect(check.optionVerdicts?.filter((v) => v.correct)).toHaveLength(1);
    expect(check.canonical).toEqual({ option: check.optionVerdicts?.findIndex((v) => v.correct) });
  });

  it('refuses a response of the wrong shape', () => {
    const item = buildItem({ kind: 'ack', family: 'handshake', seed: 1, difficulty: 'beginner' });
    expect(() => checkAnswer(item, 'ESTABLISHED')).toThrow(ResponseError);
    const spot = buildItem({ kind: 'spot_error', family: 'handshake', seed: 1, difficulty: 'beginner' });
    expect(() => checkAnswer(spot, { option: 1 })).toThrow(ResponseError);
  });
});
