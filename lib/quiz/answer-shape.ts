// What a question's answer fields need to know of it, and nothing that gives the answer away: a
// practice card builds its fields from its item's shape, and an assignment question reaches the
// student's browser as exactly this shape (lib/classroom/view), so both ask with the same fields.
// Pure.
import type { Flag, SegmentAnswer, Side, StatePair, Trace } from '../engine/index';
import type { QuestionKind } from './catalog';
import { askedSegment, askedSide, type QuizItem } from './item';

export interface AnswerShape {
  kind: QuestionKind;
  /** The trace as far as the question shows it (the whole trace for spot the error: its segments are the choices). */
  trace: Trace;
  /** The side that sends the asked segment, or whose state is asked. */
  side: Side | null;
  /** Parts of the asked segment the prompt states ("B sends FIN,ACK: what seq?"); a whole segment's length is given. */
  given: { flags?: Flag[]; len?: number };
  /** A multiple choice's segments. */
  options: SegmentAnswer[] | null;
  /** A state choice's pairs. */
  stateOptions: StatePair[] | null;
}

export function answerShape(item: QuizItem): AnswerShape {
  const asked = askedSegment(item);
  const given: AnswerShape['given'] = {};
  if (asked && (item.kind === 'seq' || item.kind === 'ack' || item.kind === 'len')) given.flags = asked.flags;
  if (asked && item.kind === 'segment') given.len = asked.len;
  return {
    kind: item.kind,
    trace: { endpoints: item.trace.endpoints, events: item.trace.events.slice(0, item.kind === 'spot_error' ? item.trace.events.length : item.shown) },
    side: askedSide(item),
    given,
    options: item.kind === 'multiple_choice' ? item.options : null,
    stateOptions: item.kind === 'state_choice' ? item.options : null,
  };
}
