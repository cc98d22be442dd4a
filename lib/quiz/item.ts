// What a quiz item is, one shape per kind: a consumer switches on `kind` and gets exactly the
// fields that kind has (a spot-the-error item has no question, only choice items have options),
// instead of working the kind out again from which nullable fields are set. Pure types and
// accessors; building is build.ts, grading check.ts.
import { segmentOf, type Question, type Segment, type SegmentAnswer, type Side, type StatePair, type Trace } from '../engine/index';
import type { ByteQuestion } from './byte-count';
import type { QuestionKind } from './catalog';
import type { ItemSpec } from './spec';

interface ItemBase {
  /** The spec that rebuilds it (practice, share links); null for a lesson's or a capture's own question. */
  spec: ItemSpec | null;
  /** The scenario family, or the trace's name for a lesson's inline trace. */
  family: string;
  /** The connection as the learner sees it (checkpoints removed: they would give answers away). */
  trace: Trace;
  /** How many events the diagram shows before the question. */
  shown: number;
  /** The event asked about (spot the error: the planted mistake). */
  event: number;
}

/** One field of the segment at `event` (its flags, seq, ack or len), or the whole segment. */
export interface FieldItem extends ItemBase {
  kind: 'next_flags' | 'seq' | 'ack' | 'len' | 'segment';
  question: Question;
}

/** One side's state right after `event`. */
export interface StateItem extends ItemBase {
  kind: 'state';
  question: Question & { side: Side };
}

/** Which of these segments may be sent at `event`: exactly one is legal. */
export interface SegmentChoiceItem extends ItemBase {
  kind: 'multiple_choice';
  question: Question;
  options: SegmentAnswer[];
}

/** Which pair of states both sides are in right after `event`: exactly one is right. */
export interface StateChoiceItem extends ItemBase {
  kind: 'state_choice';
  /** The state question for side A; side B's is the same with the side changed. */
  question: Question & { side: Side };
  options: StatePair[];
}

/** How many bytes of data lie between two sequence numbers the question gives: one number is right. */
export interface ByteCountItem extends ItemBase {
  kind: 'bytes';
  question: ByteQuestion;
}

/** Which segment of the whole trace breaks a rule: the one at `event`. */
export interface SpotErrorItem extends ItemBase {
  kind: 'spot_error';
}

export type QuizItem = FieldItem | StateItem | SegmentChoiceItem | StateChoiceItem | ByteCountItem | SpotErrorItem;

/** Every QuestionKind has its shape above, and nothing else does. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS_COVERED: Same<QuizItem['kind'], QuestionKind> = true;
void KINDS_COVERED;

/** The segment a question asks about (its fields or what replaces it); null for state and spot-the-error items. Pure. */
export function askedSegment(item: QuizItem): Segment | null {
  switch (item.kind) {
    case 'state':
    case 'state_choice':
    case 'spot_error':
    case 'bytes':
      return null;
    default:
      return segmentOf(item.trace.events[item.event]);
  }
}

/** The side a question is about: the asked segment's sender, or the side whose state is asked. Pure. */
export function askedSide(item: QuizItem): Side | null {
  switch (item.kind) {
    case 'state':
    case 'bytes':
      return item.question.side;
    case 'state_choice':
    case 'spot_error':
      return null;
    default:
      return segmentOf(item.trace.events[item.event])?.from ?? null;
  }
}

/** The event indices a spot-the-error item offers: every segment of its trace. Pure. */
export function segmentEvents(trace: Trace): number[] {
  return trace.events.flatMap((e, i) => (segmentOf(e) ? [i] : []));
}
