'use client';

import { useTranslations } from 'next-intl';
import { FlagPicker } from '@/app/_components/ui/flag-picker';
import { FIELD_LABEL, type DraftFieldProps } from './form-props';

/** The flags of the asked segment, as toggle buttons under their label. */
export function FlagsField({ id, draft, onDraft }: DraftFieldProps) {
  const t = useTranslations('quiz');
  return (
    <div>
      <p id={`${id}-flags`} className={FIELD_LABEL}>
        {t('flags')}
      </p>
      <div className="mt-1">
        <FlagPicker aria-labelledby={`${id}-flags`} flags={draft.flags} onChange={(flags) => onDraft((d) => ({ ...d, flags }))} />
      </div>
    </div>
  );
}
