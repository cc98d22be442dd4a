// The topic filter holds wherever questions are drawn: a practice set (tests/quiz/topics.test.ts),
// a mock exam and a class assignment all pick through one picker, so a mock exam or an assignment
// on Teardown never asks about the handshake its scenarios open with (both once did: they drew a
// teardown scenario and asked any of its events).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '@/lib/engine';
import { assignmentInputSchema } from '@/lib/classroom/config';
import { attemptSpecs } from '@/lib/classroom/specs';
import { buildItem, fitsTopic, momentsOf, pickTopicItem, QUESTION_KINDS, TOPICS, topicShapes, type QuizItem, type Topic } from '@/lib/quiz';
import { buildQuestion, makeExam, type ExamTopic } from '@/lib/revision';

const levels = fc.constantFrom<Difficulty>('beginner', 'expert');
const seeds = fc.integer({ min: 0, max: 0xffff_ffff });
const topicSets = fc.subarray([...TOPICS], { minLength: 1 });
const where = (item: QuizItem) => `${item.kind}.${item.family}: event ${item.event}, ${momentsOf(item).join('+')}`;
const fitsOne = (item: QuizItem, topics: readonly Topic[]) => topics.some((t) => fitsTopic(item, t, topics));

describe('the topic picker', () => {
  it('every shape it offers gives a question of the topic, whatever the kind, level and seed', () => {
    fc.assert(
      fc.property(topicSets, fc.constantFrom(...QUESTION_KINDS), levels, seeds, (ticked, kind, difficulty, seed) => {
        for (const topic of ticked) {
          const ask = { topic, ticked, difficulty };
          for (const shape of topicShapes(ask, [kind])) {
            const picked = pickTopicItem(ask, shape, seed);
            expect(picked, `${topic} ${kind} ${shape.family}`).not.toBeNull();
            if (picked) expect(fitsTopic(picked.item, topic, ticked), where(picked.item)).toBe(true);
            if (picked) expect(buildItem(picked.spec)).toEqual(picked.item);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('offers no shape a topic is never asked as (a half-close is no data-transfer question)', () => {
    const shapes = topicShapes({ topic: 'data', ticked: ['data'], difficulty: 'beginner' });
    expect(shapes.some((s) => s.family === 'half_close')).toBe(false);
    expect(shapes.length).toBeGreaterThan(0);
    expect(topicShapes({ topic: 'states', ticked: ['states'], difficulty: 'beginner' }, ['seq', 'multiple_choice'])).toEqual([]);
  });
});

describe('a mock exam keeps to its topics', () => {
  it('every practice question of an exam asks about one of its ticked topics (fast-check over topics, levels, seeds)', () => {
    fc.assert(
      fc.property(fc.subarray<ExamTopic>([...TOPICS, 'exam_track'], { minLength: 1 }), levels, seeds, (topics, difficulty, seed) => {
        const exam = makeExam({ count: 10, minutes: 5, topics, difficulty }, seed, 1000);
        const quizTopics = topics.filter((t): t is Topic => t !== 'exam_track');
        expect(exam.refs).toHaveLength(10);
        for (const ref of exam.refs) {
          const q = buildQuestion(ref);
          expect(q, ref).not.toBeNull();
          if (q?.source === 'quiz') expect(fitsOne(q.item, quizTopics), where(q.item)).toBe(true);
          else expect(topics).toContain('exam_track');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a Teardown exam asks no handshake question', () => {
    for (const difficulty of ['beginner', 'expert'] as const)
      for (let seed = 1; seed <= 12; seed++)
        for (const ref of makeExam({ count: 12, minutes: 5, topics: ['teardown'], difficulty }, seed, 1000).refs) {
          const q = buildQuestion(ref);
          if (q?.source === 'quiz') expect(momentsOf(q.item)[0], where(q.item)).toBe('teardown');
        }
  });
});

describe('an assignment keeps to its topics', () => {
  const configOf = (over: Record<string, unknown>) => ({ title: 'Quiz', opensAt: 0, dueAt: 1, topics: [...TOPICS], kinds: [...QUESTION_KINDS], count: 6, difficulty: 'beginner', variant: 'per_student', attempts: 1, timeLimit: null, feedback: 'after_submit', focus: null, ...over });

  it('every question asks about a ticked topic, or the assignment is refused (fast-check over topics, kinds, levels, seeds, students)', () => {
    fc.assert(
      fc.property(topicSets, fc.subarray([...QUESTION_KINDS], { minLength: 1 }), levels, seeds, fc.string({ minLength: 1, maxLength: 6 }), (topics, kinds, difficulty, seed, student) => {
        const parsed = assignmentInputSchema.safeParse(configOf({ topics, kinds, difficulty }));
        if (!parsed.success) {
          expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['kinds']);
          return;
        }
        const items = attemptSpecs(parsed.data, seed, student, 1).map(buildItem);
        expect(items).toHaveLength(6);
        for (const item of items) {
          expect(fitsOne(item, topics), where(item)).toBe(true);
          expect(kinds).toContain(item.kind);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a Teardown assignment asks no handshake question, and an assignment with no kind its topics ask is refused', () => {
    for (const difficulty of ['beginner', 'expert'] as const)
      for (let seed = 1; seed <= 10; seed++) {
        const config = assignmentInputSchema.parse(configOf({ topics: ['teardown'], difficulty }));
        for (const item of attemptSpecs(config, seed, 'ann', 1).map(buildItem)) expect(momentsOf(item)[0], where(item)).toBe('teardown');
      }
    const refused = assignmentInputSchema.safeParse(configOf({ topics: ['states'], kinds: ['multiple_choice'] }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['kinds']);
  });
});
