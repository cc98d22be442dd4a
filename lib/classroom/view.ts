// What a student's browser may see of a question before feedback: the trace up to the question,
// the prompt's givens and the options. Never the asked segment, the spec or the seed. Pure.
import { type Flag, type QuestionField, type SegmentAnswer, type Side, type StatePair, type Trace } from '../engine/index';
import { askedSegment, askedSide, promptParts, type PromptParts, type QuestionKind, type QuizItem } from '../quiz/index';

export interface ItemView {
  position: number;
  kind: QuestionKind;
  /** The trace as far as the question shows it (the whole trace for spot the error). */
  trace: Trace;
  field: QuestionField | null;
  /** The side that sends the asked segment, or whose state is asked. */
  side: Side | null;
  /** Parts of the asked segment the prompt states ("B sends FIN,ACK: what seq?"). */
  given: { flags?: Flag[]; len?: number };
  options: SegmentAnswer[] | null;
  stateOptions: StatePair[] | null;
  /** The prompt's message key and values (a byte count gives its two sequence numbers). */
  prompt: PromptParts;
}

export function itemView(item: QuizItem, position: number): ItemView {
  const asked = askedSegment(item);
  const given: ItemView['given'] = {};
  if (asked && (item.kind === 'seq' || item.kind === 'ack' || item.kind === 'len')) given.flags = asked.flags;
  if (asked && item.kind === 'segment') given.len = asked.len;
  return {
    position,
    kind: item.kind,
    trace: { endpoints: item.trace.endpoints, events: item.trace.events.slice(0, item.shown) },
    field: item.kind === 'spot_error' || item.kind === 'bytes' ? null : item.question.field,
    side: askedSide(item),
    given,
    options: item.kind === 'multiple_choice' ? item.options : null,
    stateOptions: item.kind === 'state_choice' ? item.options : null,
    prompt: promptParts(item),
  };
}
