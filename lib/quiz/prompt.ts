// Which question sentence an item asks, as a message key and its values: the app words it with
// content/ui (quiz.prompts.KEY) and the CLI's `trace item` with the same messages. Pure.
import { asksNewBytes, flagsText } from '../engine/index';
import { askedSegment, askedSide, type QuizItem } from './item';
import type { QuestionKind } from './catalog';

/**
 * A seq question about the segment carrying new bytes says so: only SND.NXT answers it. A FIN
 * with no data carries no bytes, so its question names the FIN instead.
 */
export type PromptKey = QuestionKind | 'seq_new' | 'seq_fin';

export interface PromptParts {
  key: PromptKey;
  values: { side: string; flags: string; len: number };
}

export function promptParts(item: QuizItem): PromptParts {
  const segment = askedSegment(item);
  const values = { side: askedSide(item) ?? 'A', flags: segment ? flagsText(segment.flags) : '', len: segment?.len ?? 0 };
  const newBytes = item.kind === 'seq' && asksNewBytes(item.question);
  const key: PromptKey = !newBytes ? item.kind : segment?.len === 0 && segment.flags.includes('FIN') ? 'seq_fin' : 'seq_new';
  return { key, values };
}
