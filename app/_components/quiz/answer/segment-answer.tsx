'use client';

import { useTranslations } from 'next-intl';
import type { DraftFieldProps } from './form-props';
import { FlagsField } from './flags-field';
import { NumberField } from './number-field';

/** A whole segment: its flags, seq and ack (its length is given, since it is what the application sent). */
export function SegmentAnswer({ len, ...fields }: DraftFieldProps & { len: number }) {
  const t = useTranslations('quiz');
  return (
    <>
      <FlagsField {...fields} />
      <NumberField field="seq" {...fields} />
      <NumberField field="ack" {...fields} />
      <p className="text-sm text-muted">{t('lenGiven', { len })}</p>
    </>
  );
}
