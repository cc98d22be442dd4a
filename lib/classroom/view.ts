// What a student's browser may see of a question before feedback: the trace up to the question,
// the prompt's givens and the options (its answer shape, which the answer fields are built from).
// Never the asked segment, the spec or the seed. Pure.
import type { QuestionField } from '../engine/index';
import { answerShape, promptParts, type AnswerShape, type PromptParts, type QuizItem } from '../quiz/index';

export interface ItemView extends AnswerShape {
  position: number;
  field: QuestionField | null;
  /** The prompt's message key and values (a byte count gives its two sequence numbers). */
  prompt: PromptParts;
}

export function itemView(item: QuizItem, position: number): ItemView {
  return {
    position,
    ...answerShape(item),
    field: item.kind === 'spot_error' || item.kind === 'bytes' ? null : item.question.field,
    prompt: promptParts(item),
  };
}
