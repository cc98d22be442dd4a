// What every per-kind answer form takes, so the quiz card, the mock exam and an assignment can hand
// any of them the same draft: the form edits the fields of its kind, the caller checks, keeps or
// saves the draft.
import type { AnswerShape } from '@/lib/quiz';
import type { Draft, DraftField } from '@/app/_lib/quiz-draft';

export type FieldErrors = Partial<Record<DraftField, string>>;

/** What a field of any kind edits: the draft, under ids that start with `id`. */
export interface DraftFieldProps {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  draft: Draft;
  onDraft: (change: (d: Draft) => Draft) => void;
  errors: FieldErrors;
}

/** A form that reads the question's shape too (a state's side, a choice's options). */
export type AnswerFormProps = DraftFieldProps & { item: AnswerShape };

export const FIELD_LABEL = 'block text-sm font-semibold';
export const FIELD_INPUT = 'w-full rounded-md border border-border bg-bg px-3 py-2 font-mono text-base aria-[invalid=true]:border-danger';
