'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { segmentOf } from '@/lib/engine';
import { FLAGS, STATES, type Segment, type TcpState } from '@/lib/engine/types';
import { askedSegment, segmentEvents, type QuizItem } from '@/lib/quiz';
import type { Draft, DraftError, DraftField } from '@/app/_lib/quiz-draft';
import { segmentText } from '@/app/_lib/quiz-format';

export const letter = (n: number): string => String.fromCharCode(65 + n);

/** The choices a choice item offers, in words: a value (option or event index) and its text. */
export function useChoices(): (item: QuizItem) => Array<{ value: number; text: string }> {
  const t = useTranslations('quiz');
  const noFlags = t('noFlags');
  return (item) => {
    if (item.kind === 'spot_error') {
      return segmentEvents(item.trace).map((i) => {
        const s = segmentOf(item.trace.events[i]) as Segment;
        return { value: i, text: t('eventLabel', { from: s.from, to: s.from === 'A' ? 'B' : 'A', segment: segmentText(s, noFlags) }) };
      });
    }
    if (item.kind === 'state_choice') return item.options.map((p, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: t('statePair', { a: p.A, b: p.B }) }) }));
    if (item.kind === 'multiple_choice') return item.options.map((o, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: segmentText(o, noFlags) }) }));
    return [];
  };
}

/** A draft field's error in words. */
export function useDraftErrorText(): (error: DraftError | undefined) => string | undefined {
  const t = useTranslations('quiz');
  return (error) => (error ? ('max' in error ? t(`inputErrors.${error.code}`, { max: error.max }) : t(`inputErrors.${error.code}`)) : undefined);
}

/**
 * The answer fields of a question of any kind, controlled: flags, numbers, a state, or a choice.
 * The quiz card checks what they hold; a mock exam keeps it without feedback. `choiceNote` adds
 * words after a choice (the card's reveal marks the right one and says why the others are wrong).
 */
export function AnswerFields({
  item,
  id,
  draft,
  onDraft,
  errors = {},
  choiceNote,
}: {
  item: QuizItem;
  id: string;
  draft: Draft;
  onDraft: (change: (d: Draft) => Draft) => void;
  errors?: Partial<Record<DraftField, string>>;
  choiceNote?: (value: number) => ReactNode;
}) {
  const t = useTranslations('quiz');
  const choices = useChoices();
  const segment = askedSegment(item);
  const input = 'w-full rounded-md border border-border bg-bg px-3 py-2 font-mono text-base aria-[invalid=true]:border-danger';
  const label = 'block text-sm font-semibold';
  return (
    <>
      {(item.kind === 'next_flags' || item.kind === 'segment') && (
        <div role="group" aria-labelledby={`${id}-flags`}>
          <p id={`${id}-flags`} className={label}>
            {t('flags')}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            {FLAGS.map((flag) => {
              const on = draft.flags.includes(flag);
              return (
                <button
                  key={flag}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onDraft((d) => ({ ...d, flags: on ? d.flags.filter((f) => f !== flag) : [...d.flags, flag] }))}
                  className="min-h-11 min-w-16 rounded-md border border-border px-3 font-mono font-semibold aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg disabled:opacity-60"
                >
                  {flag}
                </button>
              );
            })}
          </div>
        </div>
      )}
      {(['seq', 'ack', 'len'] as const).map((field) =>
        item.kind === field || (item.kind === 'segment' && field !== 'len') ? (
          <div key={field}>
            <label htmlFor={`${id}-${field}`} className={label}>
              {t(`fields.${field}`)}
            </label>
            <input
              id={`${id}-${field}`}
              name={field}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={draft[field]}
              onChange={(e) => {
                const value = e.target.value;
                onDraft((d) => ({ ...d, [field]: value }));
              }}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `${id}-${field}-error` : `${id}-${field}-hint`}
              className={`mt-1 ${input}`}
            />
            {errors[field] ? (
              <p id={`${id}-${field}-error`} className="mt-1 text-sm text-danger">
                {errors[field]}
              </p>
            ) : (
              <p id={`${id}-${field}-hint`} className="mt-1 text-xs text-muted">
                {field === 'len' ? t('lenHint') : t('numberHint')}
              </p>
            )}
          </div>
        ) : null,
      )}
      {item.kind === 'segment' && <p className="text-sm text-muted">{t('lenGiven', { len: segment?.len ?? 0 })}</p>}
      {item.kind === 'state' && (
        <div>
          <label htmlFor={`${id}-state`} className={label}>
            {t('stateOf', { side: item.question.side })}
          </label>
          <select
            id={`${id}-state`}
            value={draft.state}
            onChange={(e) => {
              const state = e.target.value as TcpState | '';
              onDraft((d) => ({ ...d, state }));
            }}
            aria-invalid={errors.state ? true : undefined}
            className={`mt-1 ${input}`}
          >
            <option value="">{t('chooseState')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      {(item.kind === 'multiple_choice' || item.kind === 'state_choice' || item.kind === 'spot_error') && (
        <div role="radiogroup" aria-labelledby={`${id}-choices`} aria-invalid={errors.choice ? true : undefined}>
          <p id={`${id}-choices`} className={label}>
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
                  {choiceNote?.(value)}
                </span>
              </label>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
