// An assignment's questions: rebuilt the same from the same seed, and no two of one attempt about
// the same moment of the same scenario while the scenarios have other moments to ask about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentConfigSchema } from '@/lib/classroom/config';
import { attemptSpecs } from '@/lib/classroom/specs';
import { FOCUS } from '@/lib/classroom/focus';
import { buildItem, DIFFICULTIES, QUESTION_KINDS, TOPIC_KINDS, TOPICS, topicShapes } from '@/lib/quiz';

const configOf = (over: Record<string, unknown>) =>
  assignmentConfigSchema.parse({ topics: [...TOPICS], kinds: [...QUESTION_KINDS], count: 4, difficulty: 'beginner', variant: 'same', attempts: 1, timeLimit: null, feedback: 'after_submit', ...over });

const momentsOf = (specs: ReturnType<typeof attemptSpecs>) =>
  specs.map((s) => {
    const item = buildItem(s);
    return `${item.family}@${item.shown}`;
  });

describe('attemptSpecs', () => {
  it("a follow-up stays inside the original's topics and difficulty, narrowed to the kinds that catch its misconception (trial F12)", () => {
    // Retransmission is drilled in Edge cases; a Beginner handshake class gets handshake questions still.
    const handshake = new Set(topicShapes({ topic: 'handshake', ticked: ['handshake'], difficulty: 'beginner' }, QUESTION_KINDS).map((s) => s.family));
    for (const seed of [1, 2, 3, 4, 5]) {
      const specs = attemptSpecs(configOf({ topics: ['handshake'], count: 6, focus: 'retransmission_same_seq' }), seed, 'student', 1);
      expect(specs.map((s) => [handshake.has(s.family), s.difficulty])).toEqual(specs.map(() => [true, 'beginner']));
      expect(specs.every((s) => FOCUS.retransmission_same_seq.kinds.includes(s.kind))).toBe(true);
    }
    // A misconception of the numbers, in a class set on every kind, is asked with number questions.
    const numbers = attemptSpecs(configOf({ topics: ['handshake', 'teardown'], count: 6, difficulty: 'expert', focus: 'syn_fin_consume_one' }), 7, 'student', 1);
    expect(numbers.filter((s) => !FOCUS.syn_fin_consume_one.kinds.includes(s.kind))).toEqual([]);
    // Nothing of the original catches it (States asked as states only): the original's own questions.
    const states = attemptSpecs(configOf({ topics: ['states'], kinds: ['state'], count: 3, focus: 'acks_out_of_order' }), 7, 'student', 1);
    expect(states.map((s) => s.kind)).toEqual(['state', 'state', 'state']);
  });

  // Kinds that may ask about any segment or state change (a seq question needs a seq the rules fix,
  // which a short scenario may have once): with these the scenarios always have moments enough.
  const anyMoment = ['multiple_choice', 'segment', 'state', 'state_choice', 'next_flags'] as const;

  it('a short assignment over two or more topics never asks two questions about one moment', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom(...DIFFICULTIES),
        fc.subarray([...TOPICS], { minLength: 2 }),
        fc.integer({ min: 2, max: 4 }),
        fc.subarray([...anyMoment], { minLength: 1 }),
        fc.constantFrom('same', 'per_student'),
        fc.string({ minLength: 1, maxLength: 8 }),
        (seed, difficulty, topics, count, kinds, variant, student) => {
          // Each topic asks only its own moments, so each needs a kind it asks (States a state
          // kind), and States beside Data alone asks the data transfer's states, which only an
          // abort has: otherwise an assignment may have fewer moments to ask than questions.
          const statesOfData = topics.includes('states') && topics.includes('data') && !topics.includes('handshake') && !topics.includes('teardown');
          fc.pre(!statesOfData && topics.every((t) => TOPIC_KINDS[t].some((k) => (kinds as readonly string[]).includes(k))));
          const moments = momentsOf(attemptSpecs(configOf({ topics, count, kinds, difficulty, variant }), seed, student, 1));
          expect(new Set(moments).size).toBe(moments.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the trial's handshake and teardown quiz asks four different moments", () => {
    // It once asked "which segment may A send next" and "write A's next segment" right after connect().
    for (let seed = 0; seed < 30; seed++) {
      const moments = momentsOf(attemptSpecs(configOf({ topics: ['handshake', 'teardown'], kinds: ['multiple_choice', 'segment', 'state'] }), seed * 65_537, 'x', 1));
      expect(new Set(moments).size, `seed ${seed}: ${moments.join(', ')}`).toBe(4);
    }
  });

  it('is deterministic, and a per-student variant keeps the kinds and scenarios in order', () => {
    const config = configOf({ count: 8, variant: 'per_student' });
    expect(attemptSpecs(config, 42, 'ann', 1)).toEqual(attemptSpecs(config, 42, 'ann', 1));
    const shape = (student: string) => attemptSpecs(config, 42, student, 1).map((s) => [s.kind, s.family]);
    expect(shape('bob')).toEqual(shape('ann'));
    expect(attemptSpecs(config, 42, 'bob', 1)).not.toEqual(attemptSpecs(config, 42, 'ann', 1));
  });
});
