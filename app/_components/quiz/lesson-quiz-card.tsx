'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { lessonBlockItem, lessonItemRef } from '@/lib/quiz';
import type { QuizView } from '@/lib/content';
import { usePathname } from '@/app/_lib/i18n/navigation';
import { QuizCard } from './quiz-card';

/** A lesson's own question, built from its block's trace and graded like any practice item. */
export function LessonQuizCard({ id, quiz, heading }: { id: string; quiz: QuizView; heading: string }) {
  const t = useTranslations('lesson');
  const pathname = usePathname();
  const item = useMemo(() => {
    try {
      return lessonBlockItem(quiz);
    } catch {
      return null;
    }
  }, [quiz]);
  if (!item) return <p role="alert">{t('quizError')}</p>;
  // The pathname is /learn/<slug> whatever the language: the same question in en and zh.
  const key = lessonItemRef(pathname.replace(/^\/learn\//, ''), id);
  // It is shown only once the learner asks for it, so the focus follows to the question.
  return <QuizCard item={item} itemKey={key} heading={heading} takeFocus />;
}
