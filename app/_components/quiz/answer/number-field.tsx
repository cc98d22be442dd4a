'use client';

import { useTranslations } from 'next-intl';
import { FIELD_INPUT, FIELD_LABEL, type DraftFieldProps } from './form-props';

/**
 * One number of the asked segment (seq, ack or len), with its hint or, once checked, its error.
 * A byte count is typed into the length's draft field (both are bytes of data) under its own words.
 */
export function NumberField({ field, id, draft, onDraft, errors, bytes = false }: DraftFieldProps & { field: 'seq' | 'ack' | 'len'; bytes?: boolean }) {
  const t = useTranslations('quiz');
  const error = errors[field];
  return (
    <div>
      <label htmlFor={`${id}-${field}`} className={FIELD_LABEL}>
        {bytes ? t('fields.bytes') : t(`fields.${field}`)}
      </label>
      <input
        id={`${id}-${field}`}
        name={bytes ? 'bytes' : field}
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
          {bytes ? t('bytesHint') : field === 'len' ? t('lenHint') : t('numberHint')}
        </p>
      )}
    </div>
  );
}
