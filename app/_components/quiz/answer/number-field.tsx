'use client';

import { useTranslations } from 'next-intl';
import { FIELD_INPUT, FIELD_LABEL, type DraftFieldProps } from './form-props';

/** One number of the asked segment (seq, ack or len), with its hint or, once checked, its error. */
export function NumberField({ field, id, draft, onDraft, errors }: DraftFieldProps & { field: 'seq' | 'ack' | 'len' }) {
  const t = useTranslations('quiz');
  const error = errors[field];
  return (
    <div>
      <label htmlFor={`${id}-${field}`} className={FIELD_LABEL}>
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-${field}-error` : `${id}-${field}-hint`}
        className={`mt-1 ${FIELD_INPUT}`}
      />
      {error ? (
        <p id={`${id}-${field}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id={`${id}-${field}-hint`} className="mt-1 text-xs text-muted">
          {field === 'len' ? t('lenHint') : t('numberHint')}
        </p>
      )}
    </div>
  );
}
