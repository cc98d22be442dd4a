// What a learner has entered in a question's answer fields, before it is a response: the quiz card
// checks it on "Check", a mock exam keeps it as soon as it is whole, an assignment saves it on
// "Save answer". All read and write it here, so a question of any kind takes its answer the same
// way wherever it is asked. Pure.
import type { Flag, TcpState } from '@/lib/engine/types';
import type { AnswerShape, Response } from '@/lib/quiz';
import { MAX_LEN, parseWhole, type NumberInput } from './quiz-input';

export interface Draft {
  flags: Flag[];
  seq: string;
  ack: string;
  len: string;
  state: TcpState | '';
  /** The option index (choices) or the event index (spot the error). */
  choice: number | null;
}

export const EMPTY_DRAFT: Draft = { flags: [], seq: '', ack: '', len: '', state: '', choice: null };

export type DraftField = 'seq' | 'ack' | 'len' | 'state' | 'choice';

/** Why a field cannot be read yet: a number's parse error (with its upper bound), or nothing chosen. */
export type DraftError = { code: Exclude<NumberInput, { ok: true }>['error']; max: number } | { code: 'noState' | 'noOption' | 'noEvent' };

export type DraftResult = { ok: true; response: Response } | { ok: false; errors: Partial<Record<DraftField, DraftError>> };

function numberError(r: NumberInput, max: number): DraftError | undefined {
  return r.ok ? undefined : { code: r.error, max };
}

/** The response a draft gives for a question of this shape, or why it gives none yet. */
export function draftResponse(item: AnswerShape, draft: Draft): DraftResult {
  switch (item.kind) {
    case 'next_flags':
      return { ok: true, response: draft.flags };
    case 'seq':
    case 'ack':
    case 'len':
    case 'bytes': {
      // A byte count is typed into the length field: both are a number of bytes of data.
      const field = item.kind === 'bytes' ? 'len' : item.kind;
      const max = field === 'len' ? MAX_LEN : 0xffff_ffff;
      const r = parseWhole(draft[field], max);
      return r.ok ? { ok: true, response: r.value } : { ok: false, errors: { [field]: numberError(r, max) } };
    }
    case 'state':
      return draft.state ? { ok: true, response: draft.state } : { ok: false, errors: { state: { code: 'noState' } } };
    case 'segment': {
      const seq = parseWhole(draft.seq);
      const ack = parseWhole(draft.ack);
      if (!seq.ok || !ack.ok) return { ok: false, errors: { seq: numberError(seq, 0xffff_ffff), ack: numberError(ack, 0xffff_ffff) } };
      // The payload is given (the question shows it): only flags, seq and ack are asked.
      const len = item.given.len ?? 0;
      return { ok: true, response: { flags: draft.flags, seq: seq.value, ack: ack.value, len } };
    }
    case 'multiple_choice':
    case 'state_choice':
      return draft.choice === null ? { ok: false, errors: { choice: { code: 'noOption' } } } : { ok: true, response: { option: draft.choice } };
    case 'spot_error':
      return draft.choice === null ? { ok: false, errors: { choice: { code: 'noEvent' } } } : { ok: true, response: { event: draft.choice } };
  }
}

/** The draft that shows a response given earlier (a mock exam continued after a reload). */
export function draftOf(response: unknown): Draft {
  if (typeof response === 'number') return { ...EMPTY_DRAFT, seq: String(response), ack: String(response), len: String(response) };
  if (typeof response === 'string') return { ...EMPTY_DRAFT, state: response as TcpState };
  if (Array.isArray(response)) return { ...EMPTY_DRAFT, flags: response as Flag[] };
  if (typeof response !== 'object' || response === null) return EMPTY_DRAFT;
  if ('option' in response) return { ...EMPTY_DRAFT, choice: Number((response as { option: number }).option) };
  if ('event' in response) return { ...EMPTY_DRAFT, choice: Number((response as { event: number }).event) };
  const s = response as { flags?: Flag[]; seq?: number; ack?: number };
  return { ...EMPTY_DRAFT, flags: s.flags ?? [], seq: String(s.seq ?? ''), ack: String(s.ack ?? '') };
}
