'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useChoices } from '../choices';
import { FIELD_LABEL, type AnswerFormProps } from './form-props';

/**
 * One of several options (segments, state pairs) or one of the trace's segments (spot the error),
 * as radio buttons. `note` adds words after a choice (the card's reveal marks the right one).
 */
export function ChoiceAnswer({ item, id, draft, onDraft, errors, note }: AnswerFormProps & { note?: (value: number) => ReactNode }) {
  const t = useTranslations('quiz');
  const choices = useChoices();
  return (
    <div role="radiogroup" aria-labelledby={`${id}-choices`} aria-invalid={errors.choice ? true : undefined}>
      <p id={`${id}-choices`} className={FIELD_LABEL}>
        {item.kind === 'spot_error' ? t('chooseEvent') : t('chooseOption')}
      </p>
      <div className="mt-1 space-y-2">
        {choices(item).map(({ value, text }) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-border px-3 py-2 font-mono text-sm has-[:checked]:border-accent has-[:checked]:bg-[var(--accent-soft)]"
          >
            <input type="radio" name={`${id}-choice`} value={value} checked={draft.choice === value} onChange={() => onDraft((d) => ({ ...d, choice: value }))} className="mt-1" />
            <span className="[overflow-wrap:anywhere]">
              {text}
              {note?.(value)}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
