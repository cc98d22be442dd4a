// Which question sentence an item asks, as a message key and its values: the app words it with
// content/ui (quiz.prompts.KEY) and the CLI's `trace item` with the same messages. Pure.
import { asksNewBytes, flagsLabel } from '../engine/index';
import { askedSegment, askedSide, type QuizItem } from './item';
import type { QuestionKind } from './catalog';

/** A seq question about the segment carrying new bytes says so: only SND.NXT answers it. */
export type PromptKey = QuestionKind | 'seq_new';

export interface PromptParts {
  key: PromptKey;
  values: { side: string; flags: string; len: number };
}

export function promptParts(item: QuizItem): PromptParts {
  const segment = askedSegment(item);
  const values = { side: askedSide(item) ?? 'A', flags: segment ? flagsLabel(segment.flags) : '', len: segment?.len ?? 0 };
  const key: PromptKey = item.kind === 'seq' && asksNewBytes(item.question) ? 'seq_new' : item.kind;
  return { key, values };
}
