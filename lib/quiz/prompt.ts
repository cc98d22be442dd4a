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
  /** What the sentence states, and only that: `flags` ('' where it names none), `len` (0 where it gives none), `from` and `to` (a byte count's two sequence numbers, else 0); `peer` is the other side. */
  values: { side: string; peer: string; flags: string; len: number; from: number; to: number };
}

/** The prompts that state the asked segment's flags, and those that state its length. */
const TELLS_FLAGS: readonly PromptKey[] = ['seq', 'seq_new', 'seq_fin', 'ack', 'len'];
const TELLS_LEN: readonly PromptKey[] = ['seq_new', 'next_flags_data', 'segment_data'];

/**
 * The prompt's key and the values it states, and no others: a class assignment sends them to the
 * student's browser before the answer, where the flags of a "which flags next?" question or the
 * length of a "how many bytes?" one would be the answer. Pure.
 */
export function promptParts(item: QuizItem): PromptParts {
  const segment = askedSegment(item);
  const side = askedSide(item) ?? 'A';
  const numbers = item.kind === 'bytes' ? { from: item.question.from, to: item.question.to } : { from: 0, to: 0 };
  const key = promptKey(item);
  const flags = segment && TELLS_FLAGS.includes(key) ? flagsText(segment.flags) : '';
  const len = segment && TELLS_LEN.includes(key) ? segment.len : 0;
  return { key, values: { side, peer: side === 'A' ? 'B' : 'A', flags, len, ...numbers } };
}

function promptKey(item: QuizItem): PromptKey {
  if (item.kind === 'bytes') return `bytes_${item.question.ask}`;
  const segment = askedSegment(item);
  if ((item.kind === 'next_flags' || item.kind === 'segment') && (segment?.len ?? 0) > 0) return `${item.kind}_data`;
  if (item.kind !== 'seq' || !asksNewBytes(item.question)) return item.kind;
  return segment?.len === 0 && segment.flags.includes('FIN') ? 'seq_fin' : 'seq_new';
}
