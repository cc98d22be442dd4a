// A practice session is data that survives storage: a reload continues at the same question,
// answered questions keep their first try, and answering again does not count twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance, answerAt, firstTryAt, isFinished, makePracticeSet, restart, restoreSession, serialiseSession, sessionResults, startSession,
  MISCONCEPTIONS, SKILLS, TOPICS, type FirstTry,
} from '@/lib/quiz';

const specs = makePracticeSet({ topics: ['handshake', 'teardown'], difficulty: 'beginner', count: 5 }, 42);
const firstTry = fc.record({ correct: fc.boolean(), skill: fc.constantFrom(...SKILLS), misconception: fc.option(fc.constantFrom(...MISCONCEPTIONS), { nil: null }) });
const step = fc.oneof(fc.record({ answer: firstTry }), fc.constant({ next: true as const }));

describe('practice session', () => {
  it('any run of answers and moves reads back from storage as the same session, at the same question', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOPICS), fc.nat(), fc.array(step, { maxLength: 20 }), (topic, seed, steps) => {
        const set = makePracticeSet({ topics: [topic], difficulty: 'expert', count: 6 }, seed);
        let s = startSession(set);
        for (const x of steps) s = 'answer' in x ? answerAt(s, s.position, x.answer) : advance(s);
        const back = restoreSession(serialiseSession(s), set);
        expect(back).toEqual(s);
        expect(back?.position).toBe(s.position);
      }),
    );
  });

  it('re-answering a question keeps its first try: one result per question', () => {
    const right: FirstTry = { correct: true, skill: 'ack_of_syn', misconception: null };
    const wrong: FirstTry = { correct: false, skill: 'ack_of_syn', misconception: 'syn_fin_consume_one' };
    let s = answerAt(startSession(specs), 0, wrong);
    const reloaded = restoreSession(serialiseSession(s), specs);
    if (!reloaded) throw new Error('session not restored');
    s = answerAt(reloaded, 0, right);
    expect(firstTryAt(s, 0)).toEqual(wrong);
    expect(sessionResults(s)).toEqual([{ ...wrong, spec: specs[0], position: 0 }]);
  });

  it('finishes after the last question; try again starts the same set afresh', () => {
    let s = startSession(specs);
    for (let i = 0; i < specs.length; i++) s = advance(answerAt(s, s.position, { correct: i % 2 === 0, skill: 'ack_of_data', misconception: null }));
    expect(isFinished(s)).toBe(true);
    expect(sessionResults(s)).toHaveLength(specs.length);
    expect(advance(s).position).toBe(specs.length);
    const again = restart(s);
    expect(again).toEqual(startSession(specs));
  });

  it('stored text that is not this set, or is malformed, is no session', () => {
    const other = makePracticeSet({ topics: ['states'], difficulty: 'beginner', count: 5 }, 7);
    const stored = serialiseSession(advance(startSession(specs)));
    expect(restoreSession(stored, other)).toBeNull();
    expect(restoreSession(null, specs)).toBeNull();
    expect(restoreSession('{not json', specs)).toBeNull();
    const parsed = JSON.parse(stored);
    expect(restoreSession(JSON.stringify({ ...parsed, position: 99 }), specs)).toBeNull();
    expect(restoreSession(JSON.stringify({ ...parsed, answers: [{ correct: 'yes' }, null, null, null, null] }), specs)).toBeNull();
    expect(restoreSession(JSON.stringify({ ...parsed, answers: [null] }), specs)).toBeNull();
  });
});
