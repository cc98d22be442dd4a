'use client';
// A question's prompt in the learner's language ("Which flags does B send next?"), the same words
// wherever the question is shown: the quiz card, a mock exam, the mistake book.
import { useTranslations } from 'next-intl';
import { promptParts, type QuizItem } from '@/lib/quiz';

export function useItemPrompt(): (item: QuizItem) => string {
  const t = useTranslations('quiz');
  return (item) => {
    const { key, values } = promptParts(item);
    return t(`prompts.${key}`, { ...values, flags: values.flags || t('noFlags') });
  };
}
