// The gradebook of one assignment: each student's counted attempt (their best, as Moodle's default
// "highest grade"), a cell per question, and the class's misconceptions by share of students. Pure.
import type { AnswerRecord, AttemptRecord, RosterEntry } from '../db/index';
import { MISCONCEPTIONS, type Misconception } from '../quiz/index';

export interface GradebookRow {
  studentId: string;
  name: string;
  email: string;
  /** The instructor removed this student from the class; their work stays in the gradebook. */
  removed: boolean;
  attempts: number;
  /** The counted attempt's id (for its answers), or null before any attempt. */
  attemptId: string | null;
  /** The counted attempt's number (1 for the first), or null before any attempt. */
  attemptNumber: number | null;
  submitted: boolean;
  correct: number;
  total: number;
  /** Per question: right, wrong, or not answered. */
  cells: Array<boolean | null>;
}

export interface MisconceptionShare {
  misconception: Misconception;
  students: number;
  /** Of the students who answered at least one question. */
  share: number;
}

export interface Gradebook {
  count: number;
  rows: GradebookRow[];
  misconceptions: MisconceptionShare[];
}

/**
 * `over` says whether an attempt is finished (submitted or out of time): a finished attempt counts
 * before one still in progress, so starting a second attempt never hides the first one's grade.
 */
export function buildGradebook(
  count: number,
  roster: readonly RosterEntry[],
  attempts: readonly AttemptRecord[],
  answers: readonly AnswerRecord[],
  over: (attempt: AttemptRecord) => boolean = (a) => a.submittedAt !== null,
): Gradebook {
  const byAttempt = new Map<string, AnswerRecord[]>();
  for (const a of answers) byAttempt.set(a.attemptId, [...(byAttempt.get(a.attemptId) ?? []), a]);
  const score = (id: string) => (byAttempt.get(id) ?? []).filter((a) => a.correct).length;

  const misconceptionStudents = new Map<Misconception, Set<string>>();
  let answering = 0;
  // A removed student is listed while they have work here; one who never started is gone.
  const listed = roster.filter((s) => s.removedAt === null || attempts.some((a) => a.studentId === s.studentId));
  const rows = listed.map((s): GradebookRow => {
    const mine = attempts.filter((a) => a.studentId === s.studentId);
    const mineAnswers = mine.flatMap((a) => byAttempt.get(a.id) ?? []);
    if (mineAnswers.length > 0) answering++;
    for (const ans of mineAnswers) {
      if (!ans.misconception || !(MISCONCEPTIONS as readonly string[]).includes(ans.misconception)) continue;
      const m = ans.misconception as Misconception;
      misconceptionStudents.set(m, (misconceptionStudents.get(m) ?? new Set()).add(s.studentId));
    }
    const finished = mine.filter(over);
    const best = [...(finished.length > 0 ? finished : mine)].sort((x, y) => score(y.id) - score(x.id) || x.number - y.number)[0];
    const cells: Array<boolean | null> = Array.from({ length: count }, () => null);
    for (const ans of best ? (byAttempt.get(best.id) ?? []) : []) if (ans.position < count) cells[ans.position] = ans.correct;
    return {
      studentId: s.studentId,
      name: s.name,
      email: s.email,
      removed: s.removedAt !== null,
      attempts: mine.length,
      attemptId: best?.id ?? null,
      attemptNumber: best?.number ?? null,
      // Ended, by a submit or by the time running out: what the student's own pages call submitted.
      submitted: best !== undefined && over(best),
      correct: best ? score(best.id) : 0,
      total: count,
      cells,
    };
  });
  const misconceptions = [...misconceptionStudents]
    .map(([misconception, students]) => ({ misconception, students: students.size, share: answering === 0 ? 0 : students.size / answering }))
    .sort((a, b) => b.students - a.students || a.misconception.localeCompare(b.misconception));
  return { count, rows, misconceptions };
}

export interface ItemResult {
  /** 0-based position of the question in the assignment. */
  position: number;
  /** Students whose counted attempt answered this question. */
  answered: number;
  right: number;
}

/**
 * Per question, how many of the students who answered it (in their counted attempt, as the
 * gradebook's cells show) got it right: the item analysis an instructor reads first. It also
 * covers wrong answers that name no misconception (spot the error), which the misconception
 * chart cannot show.
 */
export function itemAnalysis(g: Gradebook): ItemResult[] {
  return Array.from({ length: g.count }, (_, position) => {
    const given = g.rows.map((r) => r.cells[position] ?? null).filter((c) => c !== null);
    return { position, answered: given.length, right: given.filter(Boolean).length };
  });
}

/** The misconception a follow-up should drill: the one the most students showed. */
export function weakestMisconception(g: Gradebook): Misconception | null {
  return g.misconceptions[0]?.misconception ?? null;
}
