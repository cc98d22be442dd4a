// One question of revision, whichever kind: a practice item (lib/quiz) or an exam-track item,
// named by a ref string that rebuilds it (the spec's encoding). Reviews, mock exams and the
// mistake book store refs and responses, never built items. Pure.
import type { Lang } from '../engine/index';
import {
  buildItem,
  decodeSpec,
  encodeSpec,
  gradeItem,
  lessonBlockItem,
  ResponseError,
  type ItemSpec,
  type LessonBlock,
  type Misconception,
  type QuizItem,
  type Response,
  type Skill,
  skillOf,
} from '../quiz/index';
import { buildTrackItem, decodeTrackSpec, encodeTrackSpec, gradeTrackItem, type TrackItem, type TrackNote, type TrackSpec } from './track';

export type RevisionQuestion = { source: 'quiz'; ref: string; item: QuizItem; skill: Skill } | { source: 'track'; ref: string; item: TrackItem; skill: Skill };

export interface QuestionGrade {
  correct: boolean;
  /** The engine's words: the rule that makes the answer right, or what is wrong with it. */
  explain: string;
  /** The right answer: a value, an event, or an option index. */
  canonical: unknown;
  /** A fact the app words itself (2MSL in seconds, what a loss does to the ACKs), or null. */
  note: TrackNote | null;
  skill: Skill;
  misconception: Misconception | null;
}

export const refOfSpec = (spec: ItemSpec): string => encodeSpec(spec);
export const refOfTrack = (spec: TrackSpec): string => encodeTrackSpec(spec);

/** The question a ref names; null for text that names none or a spec that cannot be built. */
export function buildQuestion(ref: string): RevisionQuestion | null {
  try {
    const track = decodeTrackSpec(ref);
    if (track) {
      const item = buildTrackItem(track);
      return { source: 'track', ref, item, skill: item.skill };
    }
    const spec = decodeSpec(ref);
    if (!spec) return null;
    const item = buildItem(spec);
    return { source: 'quiz', ref, item, skill: skillOf(item) };
  } catch {
    return null;
  }
}

/** A lesson question as the page hands it to the mistake book: its block, and its lesson's title and path. */
export interface LessonQuestionSource {
  quiz: LessonBlock;
  /** The lesson's title in the page's language. */
  lesson: string;
  /** The lesson's path, without the locale (the Link adds it). */
  href: string;
}

/**
 * A lesson question, rebuilt from its block: a lesson's trace is the lesson's, not a spec, so the
 * page hands the block in. Null when the block no longer asks a question (the lesson changed).
 */
export function lessonQuestion(ref: string, quiz: LessonBlock): RevisionQuestion | null {
  try {
    const item = lessonBlockItem(quiz);
    return { source: 'quiz', ref, item, skill: skillOf(item) };
  } catch {
    return null;
  }
}

/** Grades a response by the engine. Throws ResponseError for a response of the wrong shape. */
export function gradeQuestion(q: RevisionQuestion, response: unknown, lang: Lang): QuestionGrade {
  if (q.source === 'track') {
    const option = typeof response === 'object' && response !== null && 'option' in response ? (response as { option: unknown }).option : null;
    if (typeof option !== 'number') throw new ResponseError('answer with an option index');
    let g;
    try {
      g = gradeTrackItem(q.item.spec, option, lang);
    } catch (error) {
      if (error instanceof RangeError) throw new ResponseError(error.message);
      throw error;
    }
    return { correct: g.correct, explain: g.explain, canonical: { option: g.right }, note: g.note, skill: q.skill, misconception: g.misconception };
  }
  const g = gradeItem(q.item, response as Response, lang);
  return { correct: g.correct, explain: g.explain, canonical: g.canonical, note: null, skill: g.skill, misconception: g.correct ? null : g.misconception };
}

/** The grade of the right answer itself: the rule that makes it right, for a report or a reveal. */
export function rightAnswerOf(q: RevisionQuestion, lang: Lang): QuestionGrade | null {
  try {
    const probe = gradeQuestion(q, anyResponse(q), lang);
    return probe.correct ? probe : gradeQuestion(q, probe.canonical, lang);
  } catch {
    return null;
  }
}

/** Any well-shaped response, to learn the canonical answer from its grade. */
function anyResponse(q: RevisionQuestion): unknown {
  if (q.source === 'track') return { option: 0 };
  const item = q.item;
  switch (item.kind) {
    case 'spot_error':
      return { event: item.event };
    case 'multiple_choice':
    case 'state_choice':
      return { option: 0 };
    case 'next_flags':
      return [];
    case 'state':
      return 'CLOSED';
    case 'segment':
      return { flags: [], seq: 0, ack: 0, len: 0 };
    default:
      return 0;
  }
}
