'use client';

import { useTranslations } from 'next-intl';
import { STATES, type TcpState } from '@/lib/engine/types';
import { FIELD_INPUT, FIELD_LABEL, type AnswerFormProps } from './form-props';

/** One side's state (a state question's), picked from the eleven. */
export function StateAnswer({ item, id, draft, onDraft, errors }: AnswerFormProps) {
  const t = useTranslations('quiz');
  return (
    <div>
      <label htmlFor={`${id}-state`} className={FIELD_LABEL}>
        {t('stateOf', { side: item.side ?? 'A' })}
      </label>
      <select
        id={`${id}-state`}
        value={draft.state}
        onChange={(e) => {
          const state = e.target.value as TcpState | '';
          onDraft((d) => ({ ...d, state }));
        }}
        aria-invalid={errors.state ? true : undefined}
        className={`mt-1 ${FIELD_INPUT}`}
      >
        <option value="">{t('chooseState')}</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}
