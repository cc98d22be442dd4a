'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { AnswerShape } from '@/lib/quiz';
import type { DraftError } from '@/app/_lib/quiz-draft';
import { ChoiceAnswer } from './answer/choice-answer';
import { FlagsField } from './answer/flags-field';
import type { DraftFieldProps, FieldErrors } from './answer/form-props';
import { NumberField } from './answer/number-field';
import { SegmentAnswer } from './answer/segment-answer';
import { StateAnswer } from './answer/state-answer';

/** A draft field's error in words. */
export function useDraftErrorText(): (error: DraftError | undefined) => string | undefined {
  const t = useTranslations('quiz');
  return (error) => (error ? ('max' in error ? t(`inputErrors.${error.code}`, { max: error.max }) : t(`inputErrors.${error.code}`)) : undefined);
}

/**
 * The answer form of a question of any kind, controlled: the one for its kind (flags, a number, a
 * whole segment, a state, or a choice). The quiz card checks what it holds; a mock exam keeps it
 * without feedback; an assignment saves it. `choiceNote` adds words after a choice (the card's
 * reveal marks the right one and says why the others are wrong).
 */
export function AnswerFields({
  item,
  errors = {},
  choiceNote,
  ...form
}: Omit<DraftFieldProps, 'errors'> & { item: AnswerShape; errors?: FieldErrors; choiceNote?: (value: number) => ReactNode }) {
  const fields = { ...form, errors };
  switch (item.kind) {
    case 'next_flags':
      return <FlagsField {...fields} />;
    case 'seq':
    case 'ack':
    case 'len':
      return <NumberField field={item.kind} {...fields} />;
    case 'bytes':
      return <NumberField field="len" bytes {...fields} />;
    case 'segment':
      return <SegmentAnswer len={item.given.len ?? 0} {...fields} />;
    case 'state':
      return <StateAnswer item={item} {...fields} />;
    case 'multiple_choice':
    case 'state_choice':
    case 'spot_error':
      return <ChoiceAnswer item={item} note={choiceNote} {...fields} />;
  }
}
