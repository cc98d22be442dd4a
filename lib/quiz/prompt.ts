// Which question sentence an item asks, as a message key and its values: the app words it with
// content/ui (quiz.prompts.KEY) and the CLI's `trace item` with the same messages. Pure.
import { asksNewBytes, flagsLabel, segmentOf } from '../engine/index';
import type { QuizItem } from './build';
import type { QuestionKind } from './catalog';

/** A seq question about the segment carrying new bytes says so: only SND.NXT answers it. */
export type PromptKey = QuestionKind | 'seq_new';

export interface PromptParts {
  key: PromptKey;
  values: { side: string; flags: string; len: number };
}

export function promptParts(item: QuizItem): PromptParts {
  const segment = item.kind === 'spot_error' || item.kind === 'state' || item.kind === 'state_choice' ? null : segmentOf(item.trace.events[item.event]);
  const side = segment?.from ?? item.question?.side ?? 'A';
  const values = { side, flags: segment ? flagsLabel(segment.flags) : '', len: segment?.len ?? 0 };
  const key: PromptKey = item.kind === 'seq' && item.question && asksNewBytes(item.question) ? 'seq_new' : item.kind;
  return { key, values };
}
