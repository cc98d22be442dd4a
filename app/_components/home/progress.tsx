'use client';

import { useTranslations } from 'next-intl';
import { useProgress } from '@/app/_lib/progress';

/** "3 of 7 lessons complete" with a bar; counts only lessons that are in the path. */
export function ProgressSummary({ slugs }: { slugs: string[] }) {
  const t = useTranslations('home');
  const { completed, reset } = useProgress();
  const done = slugs.filter((slug) => completed.includes(slug)).length;
  const total = slugs.length;
  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-border bg-surface p-4">
      <h2 id="progress-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        {t('progressLabel')}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <progress
          value={done}
          max={Math.max(total, 1)}
          aria-label={t('progressLabel')}
          className="h-2.5 w-48 max-w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-ok [&::-webkit-progress-bar]:bg-surface-2 [&::-webkit-progress-value]:bg-ok"
        />
        <p className="font-medium">{t('progress', { done, total })}</p>
        {done > 0 && (
          <button type="button" onClick={() => window.confirm(t('resetProgressConfirm', { count: done })) && reset()} className="ml-auto text-sm text-accent underline">
            {t('resetProgress')}
          </button>
        )}
      </div>
    </section>
  );
}

export function LessonStatus({ slug }: { slug: string }) {
  const t = useTranslations('home');
  const { completed } = useProgress();
  const done = completed.includes(slug);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${
        done ? 'bg-ok/15 text-ok' : 'bg-surface-2 text-muted'
      }`}
    >
      <span aria-hidden="true">{done ? '✓' : '○'}</span>
      {done ? t('completed') : t('notCompleted')}
    </span>
  );
}
