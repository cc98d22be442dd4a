'use client';
// A question's prompt in the learner's language ("Which flags does B send next?"), the same words
// wherever the question is shown: the quiz card, a mock exam, the mistake book.
import { useTranslations } from 'next-intl';
import { flagsText } from '@/lib/engine';
import { askedSegment, askedSide, promptParts, type QuizItem } from '@/lib/quiz';

export function useItemPrompt(): (item: QuizItem) => string {
  const t = useTranslations('quiz');
  return (item) => {
    const segment = askedSegment(item);
    const side = askedSide(item) ?? (item.kind === 'state_choice' ? item.question.side : 'A');
    const { key, values } = promptParts(item);
    return t(`prompts.${key}`, { ...values, side, flags: segment ? flagsText(segment.flags) || t('noFlags') : '' });
  };
}
