'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Trace } from '@/lib/engine/types';
import { captureQuizItems } from '@/app/_lib/capture-quiz';
import { renumberTrace } from '@/lib/capture/renumber';
import { QuizCard } from '@/app/_components/quiz/quiz-card';
import type { QuizItem } from '@/lib/quiz/item';

/**
 * "Quiz me on this connection": a few questions on the capture's own numbers, or renumbered
 * (fresh ISNs, same shape) so each student gets a different variant of one capture.
 */
export function CaptureQuiz({ trace }: { trace: Trace }) {
  const t = useTranslations('explore');
  const [quiz, setQuiz] = useState<{ items: QuizItem[]; at: number; answered: boolean; key: string } | null>(null);

  const start = (renumbered: boolean) => {
    // A fresh variant per click: the seed is the one place randomness enters.
    const seed = Math.floor(Math.random() * 0xffff_ffff);
    const asked = renumbered ? renumberTrace(trace, seed) : trace;
    setQuiz({ items: captureQuizItems(asked, seed), at: 0, answered: false, key: `${trace.name}:${renumbered ? seed : 'own'}` });
  };
  const item = quiz?.items[quiz.at];

  return (
    <section aria-labelledby="capture-quiz-heading" className="mt-8 rounded-xl border border-border bg-surface p-4" data-testid="capture-quiz">
      <h3 id="capture-quiz-heading" className="text-lg font-semibold">
        {t('quizTitle')}
      </h3>
      <p className="mt-1 text-sm text-muted">{t('quizIntro')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => start(false)} className="min-h-10 rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg">
          {t('quizOwn')}
        </button>
        <button type="button" onClick={() => start(true)} className="min-h-10 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-2">
          {t('quizRenumbered')}
        </button>
      </div>
      {quiz && quiz.items.length === 0 && <p className="mt-3">{t('quizNone')}</p>}
      {quiz && item && (
        <div className="mt-4">
          <QuizCard
            key={`${quiz.key}:${quiz.at}`}
            item={item}
            itemKey={`capture:${quiz.key}:${item.event}:${item.kind}`}
            heading={t('quizQuestion', { n: quiz.at + 1, total: quiz.items.length })}
            onDone={() => setQuiz({ ...quiz, answered: true })}
          />
          {quiz.answered &&
            (quiz.at + 1 < quiz.items.length ? (
              <button type="button" onClick={() => setQuiz({ ...quiz, at: quiz.at + 1, answered: false })} className="mt-3 min-h-10 rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg">
                {t('quizNext')}
              </button>
            ) : (
              <p className="mt-3 font-medium">{t('quizDone')}</p>
            ))}
        </div>
      )}
    </section>
  );
}
