import { describe, expect, it } from 'vitest';
import type { Attempt } from '@/lib/quiz';
import {
  addMistake,
  answerQuestion,
  answerReview,
  buildQuestion,
  completeExam,
  EMPTY_REVISION,
  filterMistakes,
  finishExam,
  gradeQuestion,
  ingestAttempts,
  makeExam,
  MAX_MISTAKES,
  MAX_RECENT_EXAMS,
  mistakeFacets,
  parseRevisionState,
  REVIEW_KEY_PREFIX,
  scoreExam,
  type Mistake,
} from '@/lib/revision';

const attempt = (at: number, item: string, correct: boolean, extra: Partial<Attempt> = {}): Attempt => ({
  at,
  item,
  kind: 'ack',
  skill: 'ack_of_syn',
  correct,
  misconception: correct ? null : 'syn_fin_consume_one',
  ...extra,
});

describe('revision state', () => {
  it('takes in each wrong practice or lesson answer once: a card and a mistake-book entry', () => {
    const attempts = [
      attempt(1, 'ack.handshake.1.b', false),
      attempt(2, 'ack.handshake.2.b', true),
      attempt(3, 'lesson:/en/learn/tcp-header#q1', false, { skill: 'ack_flag', misconception: 'ack_flag_vs_number', kind: 'next_flags' }),
      attempt(4, `${REVIEW_KEY_PREFIX}ack.handshake.3.b`, false),
    ];
    const s = ingestAttempts(EMPTY_REVISION, attempts);
    expect(s.mistakes.map((m) => [m.ref, m.source])).toEqual([
      ['ack.handshake.1.b', 'practice'],
      ['lesson:/en/learn/tcp-header#q1', 'lesson'],
    ]);
    expect(s.cards).toHaveLength(2);
    expect(s.ingestedUpTo).toBe(4);
    expect(ingestAttempts(s, attempts)).toBe(s);
    expect(ingestAttempts(s, [...attempts, attempt(5, 'ack.handshake.9.b', false)]).cards).toHaveLength(2); // same target lapses
  });

  it("keeps a practice miss's answer for the book, and a stored answer of no known shape reads back as none, not as an empty book", () => {
    const s = ingestAttempts(EMPTY_REVISION, [attempt(1, 'ack.handshake.1.b', false, { response: 1000 }), attempt(2, 'ack.handshake.2.b', false)]);
    expect(s.mistakes.map((m) => m.response)).toEqual([1000, null]);
    const stored = JSON.parse(JSON.stringify(s));
    stored.mistakes[0].response = { option: 1, injected: '<script>' };
    const back = parseRevisionState(JSON.stringify(stored));
    expect(back.mistakes.map((m) => [m.ref, m.response])).toEqual([
      ['ack.handshake.1.b', null],
      ['ack.handshake.2.b', null],
    ]);
  });

  it('a failed review goes into the book with the answer given; a passed one does not', () => {
    const ref = 'track.time_wait.1.b';
    const q = buildQuestion(ref)!;
    let s = ingestAttempts(EMPTY_REVISION, [attempt(1, 'ack.handshake.1.b', false)]);
    const key = s.cards[0]!.key;
    const wrong = gradeQuestion(q, { option: (gradeQuestion(q, { option: 0 }, 'en').canonical as { option: number }).option === 0 ? 1 : 0 }, 'en');
    s = answerReview(s, key, ref, { option: 1 }, wrong, 10);
    expect(s.mistakes.find((m) => m.ref === ref)).toMatchObject({ source: 'review', kind: 'track', skill: 'time_wait' });
    const before = s.mistakes.length;
    s = answerReview(s, key, 'track.time_wait.2.b', { option: 0 }, { ...wrong, correct: true }, 20);
    expect(s.mistakes).toHaveLength(before);
  });

  it('an exam handed in lists it, schedules its misses and keeps them with their answers', () => {
    let exam = makeExam({ count: 3, minutes: 5, topics: ['exam_track'], difficulty: 'beginner' }, 1, 1000);
    exam = answerQuestion(exam, 0, { option: 0 }, 2000);
    exam = finishExam(exam, 3000);
    const report = scoreExam(exam, 'en');
    const s = completeExam({ ...EMPTY_REVISION, activeExam: exam }, exam, report);
    expect(s.activeExam).toBeNull();
    expect(s.recentExams).toEqual([exam]);
    expect(s.exams).toEqual([{ id: exam.id, at: 1000, total: 3, correct: report.correct, minutes: 5, timedOut: false, topics: ['exam_track'], taken: 2000 }]);
    // The summary survives storage with the time taken (handed in after 0:02 of 5:00).
    expect(parseRevisionState(JSON.stringify(s)).exams[0]!.taken).toBe(2000);
    const misses = report.items.filter((i) => !i.correct);
    expect(s.mistakes.map((m) => m.ref).sort()).toEqual(misses.map((i) => i.ref).sort());
    expect(s.cards.length).toBeGreaterThan(0);
    expect(completeExam(s, exam, report).exams).toHaveLength(1); // the same exam is not listed twice
  });

  it('keeps the last MAX_RECENT_EXAMS exams whole, so each of those rows opens its report', () => {
    let s = EMPTY_REVISION;
    for (let i = 0; i < MAX_RECENT_EXAMS + 2; i++) {
      const exam = finishExam(makeExam({ count: 3, minutes: 5, topics: ['handshake'], difficulty: 'beginner' }, i + 1, 1000 * (i + 1)), 1000 * (i + 1) + 500);
      s = completeExam({ ...s, activeExam: exam }, exam, scoreExam(exam, 'en'));
    }
    expect(s.exams).toHaveLength(MAX_RECENT_EXAMS + 2);
    expect(s.recentExams.map((e) => e.id)).toEqual(s.exams.slice(-MAX_RECENT_EXAMS).map((e) => e.id));
    expect(parseRevisionState(JSON.stringify(s)).recentExams).toHaveLength(MAX_RECENT_EXAMS);
  });

  it('stored state that is not valid (edited, corrupt, forged) starts fresh rather than crashing', () => {
    for (const raw of [null, '', '{', '[]', '{"version":2}', JSON.stringify({ ...EMPTY_REVISION, examDate: '2026-13-40' }), JSON.stringify({ ...EMPTY_REVISION, cards: [{ key: 'x' }] })]) {
      expect(parseRevisionState(raw)).toEqual(EMPTY_REVISION);
    }
    const valid = { ...EMPTY_REVISION, examDate: '2026-12-20' };
    expect(parseRevisionState(JSON.stringify(valid))).toEqual(valid);
  });
});

describe('mistake book', () => {
  const m = (at: number, ref: string, skill: Mistake['skill'], misconception: Mistake['misconception']): Mistake => ({ at, ref, source: 'practice', kind: 'ack', skill, misconception, response: null });
  const book = [m(1, 'a', 'ack_of_syn', 'syn_fin_consume_one'), m(2, 'b', 'ack_of_fin', 'syn_fin_consume_one'), m(3, 'c', 'ack_of_syn', null)];

  it('filters by skill and by misconception, newest first', () => {
    expect(filterMistakes(book, { skill: 'ack_of_syn' }).map((x) => x.ref)).toEqual(['c', 'a']);
    expect(filterMistakes(book, { misconception: 'syn_fin_consume_one' }).map((x) => x.ref)).toEqual(['b', 'a']);
    expect(filterMistakes(book, { skill: 'ack_of_syn', misconception: 'syn_fin_consume_one' }).map((x) => x.ref)).toEqual(['a']);
    expect(filterMistakes(book, {})).toHaveLength(3);
    expect(mistakeFacets(book)).toEqual({ skills: [['ack_of_syn', 2], ['ack_of_fin', 1]], misconceptions: [['syn_fin_consume_one', 2]] });
  });

  it('keeps one entry per question and at most MAX_MISTAKES, dropping the oldest', () => {
    expect(addMistake(book, m(9, 'a', 'ack_of_syn', null)).map((x) => x.ref)).toEqual(['b', 'c', 'a']);
    let big: Mistake[] = [];
    for (let i = 0; i < MAX_MISTAKES + 5; i++) big = addMistake(big, m(i, `r${i}`, 'reset', null));
    expect(big).toHaveLength(MAX_MISTAKES);
    expect(big[0]!.ref).toBe('r5');
  });
});
