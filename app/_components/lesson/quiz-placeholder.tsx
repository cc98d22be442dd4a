import { getTranslations } from 'next-intl/server';
import type { QuizView } from '@/lib/content';

/** Quizzes are parsed and checked now; the interactive version comes with the quiz feature. */
export async function QuizPlaceholder({ quiz }: { quiz: QuizView }) {
  const t = await getTranslations('lesson');
  return (
    <div
      className="my-6 rounded-lg border border-dashed border-border bg-surface-2 p-4"
    >
      <p className="font-semibold">
        <span aria-hidden="true">? </span>
        {t('quizComing')}
      </p>
      <p className="mt-1 text-sm text-muted">
        {t('quizComingBody', { event: quiz.event + 1, field: quiz.field })}
      </p>
    </div>
  );
}
