// Which question sentence an item asks, as a message key and its values: the app words it with
// content/ui (quiz.prompts.KEY) and the CLI's `trace item` with the same messages. Pure.
import { asksNewBytes, flagsText } from '../engine/index';
import { askedSegment, askedSide, type QuizItem } from './item';
import type { ByteAsk } from './byte-count';
import type { QuestionKind } from './catalog';

/**
 * A seq question about the segment carrying new bytes says so: only SND.NXT answers it. A FIN
 * with no data carries no bytes, so its question names the FIN instead. "Which flags next?" and
 * "write the next segment" say when the segment carries data: PSH is right only then, and nothing
 * else shows that the application sent any. A byte count is asked in one of three ways, each its
 * own sentence.
 */
export type PromptKey = Exclude<QuestionKind, 'bytes'> | 'seq_new' | 'seq_fin' | 'next_flags_data' | 'segment_data' | `bytes_${ByteAsk}`;

export interface PromptParts {
  key: PromptKey;
  /** `from` and `to` are the two sequence numbers a byte count gives (0 for other kinds); `peer` is the other side. */
  values: { side: string; peer: string; flags: string; len: number; from: number; to: number };
}

export function promptParts(item: QuizItem): PromptParts {
  const segment = askedSegment(item);
  const side = askedSide(item) ?? 'A';
  const numbers = item.kind === 'bytes' ? { from: item.question.from, to: item.question.to } : { from: 0, to: 0 };
  const values = { side, peer: side === 'A' ? 'B' : 'A', flags: segment ? flagsText(segment.flags) : '', len: segment?.len ?? 0, ...numbers };
  if (item.kind === 'bytes') return { key: `bytes_${item.question.ask}`, values };
  if ((item.kind === 'next_flags' || item.kind === 'segment') && values.len > 0) return { key: `${item.kind}_data`, values };
  const newBytes = item.kind === 'seq' && asksNewBytes(item.question);
  const key: PromptKey = !newBytes ? item.kind : segment?.len === 0 && segment.flags.includes('FIN') ? 'seq_fin' : 'seq_new';
  return { key, values };
}
