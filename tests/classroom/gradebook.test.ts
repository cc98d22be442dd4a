// Which attempt a gradebook counts: a finished one (submitted or out of time) before one in
// progress, and among those the best, so starting attempt 2 never hides attempt 1's grade.
import { describe, expect, it } from 'vitest';
import { buildGradebook, itemAnalysis } from '@/lib/classroom/gradebook';
import type { AnswerRecord, AttemptRecord, RosterEntry } from '@/lib/db';

const roster: RosterEntry[] = [{ studentId: 's1', name: 'Ann', email: 'ann@example.test', joinedAt: 0, removedAt: null }];
const attempt = (id: string, number: number, submittedAt: number | null): AttemptRecord => ({ id, assignmentId: 'a', studentId: 's1', number, specs: ['x', 'y', 'z'], startedAt: number, submittedAt });
const answer = (attemptId: string, position: number, correct: boolean): AnswerRecord => ({ attemptId, position, clientSeq: 1, response: 1, correct, misconception: null, answeredAt: 1 });

describe('buildGradebook', () => {
  it('counts the submitted attempt, not a better-scoring one still in progress', () => {
    const attempts = [attempt('t1', 1, 10), attempt('t2', 2, null)];
    const answers = [answer('t1', 0, true), answer('t2', 0, true), answer('t2', 1, true)];
    const [row] = buildGradebook(3, roster, attempts, answers).rows;
    expect(row).toMatchObject({ attemptId: 't1', attemptNumber: 1, attempts: 2, submitted: true, correct: 1, cells: [true, null, null] });
  });

  it('among finished attempts the best counts; with none finished, the one in progress shows', () => {
    const finished = [attempt('t1', 1, 10), attempt('t2', 2, 20)];
    const both = buildGradebook(3, roster, finished, [answer('t1', 0, true), answer('t2', 0, true), answer('t2', 2, true)]).rows[0];
    expect(both).toMatchObject({ attemptId: 't2', attemptNumber: 2, correct: 2 });
    const open = buildGradebook(3, roster, [attempt('t3', 1, null)], [answer('t3', 1, false)]).rows[0];
    expect(open).toMatchObject({ attemptId: 't3', submitted: false, cells: [null, false, null] });
  });

  it('an attempt out of time counts as finished when the caller says so', () => {
    const attempts = [attempt('t1', 1, null), attempt('t2', 2, null)];
    const answers = [answer('t1', 0, true), answer('t2', 0, true), answer('t2', 1, true)];
    const row = buildGradebook(3, roster, attempts, answers, (a) => a.id === 't1').rows[0];
    expect(row).toMatchObject({ attemptId: 't1', correct: 1 });
  });

  it('an attempt ended by its time limit is submitted, as the student\'s pages say, in the gradebook and so its CSV', () => {
    const row = buildGradebook(3, roster, [attempt('t1', 1, null)], [answer('t1', 0, true)], () => true).rows[0];
    expect(row).toMatchObject({ attemptId: 't1', submitted: true });
  });
});

describe('itemAnalysis', () => {
  const two: RosterEntry[] = [...roster, { studentId: 's2', name: 'Bo', email: 'bo@example.test', joinedAt: 0, removedAt: null }];
  const bo = (id: string, submittedAt: number | null): AttemptRecord => ({ ...attempt(id, 1, submittedAt), studentId: 's2' });

  it('counts, per question, the right answers among the students who answered it in their counted attempt', () => {
    // Ann's counted attempt is t1 (submitted); her unfinished t2 (Q3 right) is not counted. Bo has not started.
    const attempts = [attempt('t1', 1, 10), attempt('t2', 2, null)];
    const answers = [answer('t1', 0, false), answer('t1', 1, true), answer('t2', 2, true)];
    expect(itemAnalysis(buildGradebook(3, two, attempts, answers))).toEqual([
      { position: 0, answered: 1, right: 0 },
      { position: 1, answered: 1, right: 1 },
      { position: 2, answered: 0, right: 0 },
    ]);
  });

  it('shows a wrong answer that names no misconception, which the misconception chart leaves out', () => {
    const attempts = [attempt('t1', 1, 10), bo('b1', 10)];
    const answers = [answer('t1', 0, false), answer('b1', 0, true), answer('b1', 1, false)];
    const g = buildGradebook(2, two, attempts, answers);
    expect(g.misconceptions).toEqual([]);
    expect(itemAnalysis(g)).toEqual([
      { position: 0, answered: 2, right: 1 },
      { position: 1, answered: 1, right: 0 },
    ]);
  });
});
