// A learner's whole revision state as one plain JSON value: review cards, the mistake book, the
// exam in progress, past exams and the exam date. The browser keeps it for a visitor; the same
// value (validated by `parseRevisionState`) is what an account would store. Pure.
import { z } from 'zod';
import { SCENARIO_FAMILIES } from '../engine/index';
import { MISCONCEPTIONS, QUESTION_KINDS, responseSchema, SKILLS, type Attempt } from '../quiz/index';
import { parseDay } from './days';
import { EXAM_LIMITS, EXAM_TOPICS, summarizeExam, type ExamReport, type ExamSession, type ExamSummary } from './exam';
import { addMistake, MISTAKE_SOURCES, type Mistake } from './mistakes';
import type { QuestionGrade } from './question';
import { recordMiss, recordReview, type ReviewCard } from './schedule';
import { targetOf } from './targets';
import { TRACK_STYLES } from './track';

export interface RevisionState {
  version: 1;
  cards: ReviewCard[];
  mistakes: Mistake[];
  exams: ExamSummary[];
  activeExam: ExamSession | null;
  /** The last few exams in full, so that their reports can be opened again. */
  recentExams: ExamSession[];
  /** The exam date as `YYYY-MM-DD`, or null. */
  examDate: string | null;
  /** When the exam date was last set or cleared: the newer one wins when devices merge. */
  examDateSetAt: number;
  /** Practice and lesson answers up to this time are already in the cards and the book. */
  ingestedUpTo: number;
}

export const EMPTY_REVISION: RevisionState = { version: 1, cards: [], mistakes: [], exams: [], activeExam: null, recentExams: [], examDate: null, examDateSetAt: 0, ingestedUpTo: 0 };

/** Questions answered inside revision carry these key prefixes in the practice history. */
export const REVIEW_KEY_PREFIX = 'review:';

export const MAX_EXAMS = 100;
/** Whole sessions kept, so that each listed exam of the last weeks opens its report. */
export const MAX_RECENT_EXAMS = 30;

/**
 * Takes in the practice and lesson answers given since the last call: each wrong one schedules
 * its skill for review and goes into the mistake book. Answers given in a review are recorded by
 * `answerReview` instead, so they are skipped here.
 */
export function ingestAttempts(state: RevisionState, attempts: readonly Attempt[]): RevisionState {
  const fresh = attempts.filter((a) => a.at > state.ingestedUpTo);
  if (fresh.length === 0) return state;
  let { cards, mistakes } = state;
  for (const a of fresh) {
    if (a.correct || a.item.startsWith(REVIEW_KEY_PREFIX)) continue;
    const lesson = a.item.startsWith('lesson:');
    cards = recordMiss(cards, targetOf(a.item, a), lesson ? null : a.item, a.at);
    mistakes = addMistake(mistakes, { at: a.at, ref: a.item, source: lesson ? 'lesson' : 'practice', kind: a.kind, skill: a.skill, misconception: a.misconception, response: a.response ?? null });
  }
  return { ...state, cards, mistakes, ingestedUpTo: Math.max(state.ingestedUpTo, ...fresh.map((a) => a.at)) };
}

/** A review answered: the card rescheduled, and a miss kept in the book. */
export function answerReview(state: RevisionState, key: string, ref: string, response: unknown, grade: QuestionGrade, at: number): RevisionState {
  const cards = recordReview(state.cards, key, grade.correct, ref, at);
  const mistakes = grade.correct ? state.mistakes : addMistake(state.mistakes, mistakeOf(ref, 'review', response, grade, at));
  return { ...state, cards, mistakes };
}

/** An exam handed in or timed out: every miss is scheduled and kept, and the exam is listed. */
export function completeExam(state: RevisionState, session: ExamSession, report: ExamReport): RevisionState {
  let { cards, mistakes } = state;
  for (const item of report.items) {
    if (item.correct) continue;
    const grade = item.grade ?? item.right;
    const at = report.endedAt;
    cards = recordMiss(cards, targetOf(item.ref, { skill: item.skill, kind: 'multiple_choice' }), item.ref, at);
    if (grade) mistakes = addMistake(mistakes, mistakeOf(item.ref, 'exam', item.answered ? item.response : null, { ...grade, misconception: item.grade?.misconception ?? null }, at));
  }
  const exams = [...state.exams.filter((e) => e.id !== session.id), summarizeExam(session, report)].slice(-MAX_EXAMS);
  const recentExams = [...state.recentExams.filter((e) => e.id !== session.id), session].slice(-MAX_RECENT_EXAMS);
  return { ...state, cards, mistakes, exams, activeExam: null, recentExams };
}

function mistakeOf(ref: string, source: Mistake['source'], response: unknown, grade: QuestionGrade, at: number): Mistake {
  const kind = ref.startsWith('track.') ? 'track' : ((ref.split('.')[0] ?? 'multiple_choice') as Mistake['kind']);
  return { at, ref, source, kind, skill: grade.skill, misconception: grade.misconception, response };
}

const ref = z.string().max(300);
const time = z.number().finite();
const difficulty = z.enum(['beginner', 'expert']);
const target = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quiz'), skill: z.enum(SKILLS), kind: z.enum(QUESTION_KINDS), family: z.enum(SCENARIO_FAMILIES as [string, ...string[]]).nullable(), difficulty }),
  z.object({ type: z.literal('track'), style: z.enum(TRACK_STYLES), difficulty }),
]);
const card = z.object({
  due: time,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().finite(),
  reps: z.number().finite(),
  lapses: z.number().finite(),
  state: z.number().int().min(0).max(3),
  last_review: time.nullable(),
});
const examConfig = z.object({
  count: z.number().int().min(EXAM_LIMITS.count.min).max(EXAM_LIMITS.count.max),
  minutes: z.number().int().min(EXAM_LIMITS.minutes.min).max(EXAM_LIMITS.minutes.max),
  topics: z.array(z.enum(EXAM_TOPICS)).max(EXAM_TOPICS.length),
  difficulty,
});
const session = z.object({
  id: z.string().max(40),
  config: examConfig,
  refs: z.array(ref).max(EXAM_LIMITS.count.max),
  startedAt: time,
  deadline: time,
  answers: z.array(z.object({ response: z.unknown(), at: time }).nullable()),
  visits: z.array(z.object({ index: z.number().int().min(0), at: time })).max(5000),
  finishedAt: time.nullable(),
});
const stateSchema = z.object({
  version: z.literal(1),
  cards: z.array(z.object({ key: z.string().max(200), target, card, lastRef: ref.nullable(), reviewedAt: time.nullable(), passed: z.boolean().optional() })).max(2000),
  mistakes: z
    .array(
      z.object({
        at: time,
        ref,
        source: z.enum(MISTAKE_SOURCES),
        kind: z.union([z.enum(QUESTION_KINDS), z.literal('track')]),
        skill: z.enum(SKILLS),
        misconception: z.enum(MISCONCEPTIONS).nullable(),
        // A response of a shape no question takes shows as none; the rest of the book is kept.
        response: responseSchema.nullable().catch(null),
      }),
    )
    .max(2000),
  exams: z
    .array(z.object({ id: z.string().max(40), at: time, total: z.number().int().min(0), correct: z.number().int().min(0), minutes: z.number(), timedOut: z.boolean(), topics: z.array(z.enum(EXAM_TOPICS)), taken: z.number().int().min(0).optional() }))
    .max(1000),
  activeExam: session.nullable(),
  recentExams: z.array(session).max(MAX_RECENT_EXAMS),
  examDate: z.string().refine((d) => parseDay(d) !== null).nullable(),
  examDateSetAt: time.default(0),
  ingestedUpTo: time,
});

/** The schema of a whole revision state, for the server to check what a browser sends. */
export const revisionStateSchema = stateSchema;

/** Checks an untrusted value (a stored row); anything that is not a revision state gives the empty one. */
export function revisionStateOf(value: unknown): RevisionState {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? (parsed.data as RevisionState) : EMPTY_REVISION;
}

/** Parses stored revision state from untrusted JSON text; anything invalid gives the empty state. */
export function parseRevisionState(raw: string | null): RevisionState {
  if (!raw) return EMPTY_REVISION;
  try {
    return revisionStateOf(JSON.parse(raw));
  } catch {
    return EMPTY_REVISION;
  }
}
