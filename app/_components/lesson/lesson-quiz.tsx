'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { QuizView } from '@/lib/content';

// The card grades with the engine: it is fetched only when the learner starts the question,
// so a lesson page's first load does not carry the engine.
const LessonQuizCard = dynamic(() => import('@/app/_components/quiz/lesson-quiz-card').then((m) => m.LessonQuizCard), {
  ssr: false,
  loading: () => <LoadingNote />,
});

function LoadingNote() {
  const t = useTranslations('lesson');
  return (
    <p role="status" className="p-4 text-sm text-muted">
      {t('quizLoading')}
    </p>
  );
}

/**
 * A lesson's ```quiz block: a short invitation that turns into the interactive question. The
 * question comes as JSON text, read only once the learner starts it (a string crosses React's
 * payload as one block; see LessonTrace).
 */
export function LessonQuiz({ id, quizJson }: { id: string; quizJson: string }) {
  const t = useTranslations('lesson');
  const [started, setStarted] = useState(false);
  const quiz = useMemo(() => (started ? (JSON.parse(quizJson) as QuizView) : null), [started, quizJson]);
  if (quiz) {
    return (
      <div className="my-8" data-testid="lesson-quiz">
        <LessonQuizCard id={id} quiz={quiz} heading={t('quizTitle')} />
      </div>
    );
  }
  return (
    <div className="my-8 rounded-xl border border-border bg-surface p-4" data-testid="lesson-quiz">
      <p className="font-semibold">
        <span aria-hidden="true">? </span>
        {t('quizTitle')}
      </p>
      <p className="mt-1 text-sm text-muted">{t('quizIntro')}</p>
      <button
        type="button"
        onClick={() => setStarted(true)}
        onPointerEnter={() => void import('@/app/_components/quiz/lesson-quiz-card')}
        onFocus={() => void import('@/app/_components/quiz/lesson-quiz-card')}
        className="mt-3 min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90"
      >
        {t('quizStart')}
      </button>
    </div>
  );
}
