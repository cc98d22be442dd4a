// The mistake book shows every entry whole, whatever it came from: a lesson question is rebuilt
// from its lesson's block (the page reads the lessons), with the learner's answer graded again,
// the right answer and its rule; and every entry retries with fresh numbers of the same skill.
import { describe, expect, it } from 'vitest';
import { lessonQuestionSources } from '@/app/_server/lesson-questions';
import { buildQuestion, gradeQuestion, lessonQuestion, retryRefOf, rightAnswerOf, MISTAKE_SOURCES, type Mistake } from '@/lib/revision';

describe('lesson questions in the mistake book', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: every lesson question rebuilds, and its right answer is graded right with the rule in words`, () => {
      const sources = lessonQuestionSources(locale);
      const refs = Object.keys(sources);
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of refs) {
        expect(ref).toMatch(/^lesson:\/learn\/[a-z0-9-]+#[a-z0-9-]+$/);
        const q = lessonQuestion(ref, sources[ref]!.quiz);
        expect(q, ref).not.toBeNull();
        const right = rightAnswerOf(q!, locale);
        expect(right?.correct, ref).toBe(true);
        expect(right!.explain.length, ref).toBeGreaterThan(0);
        if (locale === 'zh') expect(right!.explain, ref).toMatch(/[\u4e00-\u9fff]/);
        expect(sources[ref]!.lesson.length).toBeGreaterThan(0);
      }
    });
  }

  it('the same question in both languages: one ref, one right answer', () => {
    const en = lessonQuestionSources('en');
    const zh = lessonQuestionSources('zh');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const ref of Object.keys(en)) {
      const a = rightAnswerOf(lessonQuestion(ref, en[ref]!.quiz)!, 'en')!;
      const b = rightAnswerOf(lessonQuestion(ref, zh[ref]!.quiz)!, 'zh')!;
      expect(b.canonical, ref).toEqual(a.canonical);
    }
  });

  it('a wrong answer kept from a lesson is graded wrong again, with the mistake explained', () => {
    const [ref, source] = Object.entries(lessonQuestionSources('en')).find(([, s]) => 'field' in s.quiz && s.quiz.field === 'ack')!;
    const q = lessonQuestion(ref, source.quiz)!;
    const right = rightAnswerOf(q, 'en')!.canonical as number;
    const g = gradeQuestion(q, right + 1, 'en');
    expect(g.correct).toBe(false);
    expect(g.explain).toMatch(/ack/);
  });

  it('an exam-style block with the author\'s options is in the book too: the option chosen is graded wrong again, with the right option and the rule', () => {
    const sources = lessonQuestionSources('en');
    const choices = Object.entries(sources).filter(([, s]) => 'options' in s.quiz);
    expect(choices.map(([ref]) => ref).sort()).toEqual([
      'lesson:/learn/edge-cases#quiz-choice-old-duplicate-reset',
      'lesson:/learn/four-way-teardown#quiz-choice-ack-of-fin',
      'lesson:/learn/state-machine#quiz-choice-states-after-last-fin',
      'lesson:/learn/three-way-handshake#quiz-choice-synack',
    ].sort());
    for (const [ref, source] of choices) {
      const q = lessonQuestion(ref, source.quiz)!;
      expect(q.source === 'quiz' && q.item.kind, ref).toMatch(/^(multiple_choice|state_choice)$/);
      const right = (rightAnswerOf(q, 'en')!.canonical as { option: number }).option;
      const wrong = right === 0 ? 1 : 0;
      const g = gradeQuestion(q, { option: wrong }, 'en');
      expect(g.correct, ref).toBe(false);
      expect(g.explain.length, ref).toBeGreaterThan(0);
    }
    const synack = lessonQuestion('lesson:/learn/three-way-handshake#quiz-choice-synack', sources['lesson:/learn/three-way-handshake#quiz-choice-synack']!.quiz)!;
    expect(gradeQuestion(synack, { option: 2 }, 'en')).toMatchObject({ correct: false, skill: 'ack_of_syn' });
  });

  it('a block that no longer asks a question gives null, not a crash', () => {
    const [ref, source] = Object.entries(lessonQuestionSources('en'))[0]!;
    expect(lessonQuestion(ref, { ...source.quiz, event: 9999 })).toBeNull();
  });
});

describe('retry with fresh numbers', () => {
  const entries: Mistake[] = [
    { at: 1, ref: 'ack.handshake.42.b', source: 'practice', kind: 'ack', skill: 'ack_of_syn', misconception: null, response: 1 },
    { at: 2, ref: 'lesson:/learn/three-way-handshake#quiz-ack-e4', source: 'lesson', kind: 'ack', skill: 'ack_of_syn', misconception: null, response: 1 },
    { at: 3, ref: 'state.client_closes_first.7.e', source: 'review', kind: 'state', skill: 'teardown_states', misconception: null, response: 'CLOSED' },
    { at: 4, ref: 'track.lost_segment.5.b', source: 'exam', kind: 'track', skill: 'retransmission', misconception: null, response: { option: 0 } },
    // A lesson's exam-style block cannot vary its options: a generated choice of the same skill is asked instead.
    { at: 5, ref: 'lesson:/learn/three-way-handshake#quiz-choice-synack', source: 'lesson', kind: 'multiple_choice', skill: 'ack_of_syn', misconception: null, response: { option: 2 } },
    { at: 6, ref: 'lesson:/learn/state-machine#quiz-choice-states-after-last-fin', source: 'lesson', kind: 'state_choice', skill: 'teardown_states', misconception: null, response: { option: 0 } },
  ];

  it('every source (practice, lesson, review, exam) retries as a new question of the same skill, never the one missed', () => {
    expect(new Set(entries.map((m) => m.source))).toEqual(new Set(MISTAKE_SOURCES));
    for (const m of entries) {
      for (let seed = 1; seed <= 5; seed++) {
        const ref = retryRefOf(m, seed);
        expect(ref, m.ref).not.toBeNull();
        expect(ref).not.toBe(m.ref);
        const q = buildQuestion(ref!);
        expect(q, ref!).not.toBeNull();
        if (m.kind === 'track') expect(q!.source).toBe('track');
        else expect(q!.item).toMatchObject({ kind: m.kind });
        expect(q!.skill, ref!).toBe(m.skill);
      }
    }
  });
});
