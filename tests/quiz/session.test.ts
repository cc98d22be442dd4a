// A practice session is data that survives storage: a reload continues at the same question,
// answered questions keep their first try, and answering again does not count twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance, advanceEndless, answerAt, endlessItemAt, finish, firstTryAt, isFinished, makePracticeSet, restart, restoreEndless, restoreSession,
  serialiseSession, sessionResults, startEndless, startSession, MISCONCEPTIONS, SKILLS, TOPICS, type FirstTry,
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

describe('endless practice run', () => {
  const runs = fc.record({ seed: fc.nat({ max: 0xffff_ffff }), topics: fc.subarray([...TOPICS], { minLength: 1 }), difficulty: fc.constantFrom('beginner' as const, 'expert' as const) });

  it('any run of answers and moves reads back from storage at the same question, with the same questions', () => {
    fc.assert(
      fc.property(runs, fc.array(step, { maxLength: 8 }), (run, steps) => {
        let s = startEndless(run);
        for (const x of steps) s = 'answer' in x ? answerAt(s, s.position, x.answer) : advanceEndless(s, run);
        const back = restoreEndless(serialiseSession(s), run);
        expect(back).toEqual(s);
        // the questions are the run's own: the same seed gives the same question at each offset
        s.specs.forEach((spec, i) => expect(spec).toEqual(endlessItemAt(run, i)?.spec));
      }),
      { numRuns: 30 },
    );
  });

  it('grows by one question per move, never repeats a first try, and stops where it is', () => {
    const run = { seed: 7, topics: ['handshake', 'teardown'] as const, difficulty: 'beginner' as const };
    let s = startEndless(run);
    expect(s.specs).toHaveLength(1);
    s = advanceEndless(answerAt(s, 0, { correct: true, skill: 'ack_of_syn', misconception: null }), run);
    s = advanceEndless(s, run);
    expect(s.specs).toHaveLength(3);
    expect(s.position).toBe(2);
    expect(isFinished(s)).toBe(false);
    const stopped = finish(s);
    expect(isFinished(stopped)).toBe(true);
    expect(sessionResults(stopped).map((r) => r.position)).toEqual([0]);
  });

  it('a stored run of another seed, or a set in its place, is not this run', () => {
    const run = { seed: 11, topics: ['states'] as const, difficulty: 'expert' as const };
    const stored = serialiseSession(advanceEndless(startEndless(run), run));
    expect(restoreEndless(stored, { ...run, seed: 12 })).toBeNull();
    expect(restoreEndless(serialiseSession(startSession(specs)), run)).toBeNull();
    expect(restoreEndless('[]', run)).toBeNull();
    expect(restoreEndless('null', run)).toBeNull();
    expect(restoreEndless(stored, run)?.position).toBe(1);
  });

  it('keeps the response of a first try, and rejects a stored one the quiz could not grade', () => {
    const first: FirstTry = { correct: false, skill: 'ack_of_syn', misconception: 'syn_fin_consume_one', response: 1000 };
    const s = answerAt(startSession(specs), 0, first);
    expect(restoreSession(serialiseSession(s), specs)?.answers[0]).toEqual(first);
    const forged = JSON.parse(serialiseSession(s));
    forged.answers[0].response = { option: 'x' };
    expect(restoreSession(JSON.stringify(forged), specs)).toBeNull();
  });
});
