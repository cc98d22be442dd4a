'use client';

import { useTranslations } from 'next-intl';
import { useProgress } from '@/app/_lib/progress';

export function MarkComplete({ slug }: { slug: string }) {
  const t = useTranslations('lesson');
  const { completed, setComplete } = useProgress();
  const done = completed.includes(slug);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface p-4">
      {done ? (
        <>
          <p className="font-semibold text-ok" role="status">
            <span aria-hidden="true">✓ </span>
            {t('completed')}
          </p>
          <button
            type="button"
            onClick={() => setComplete(slug, false)}
            className="ml-auto text-sm text-accent underline"
          >
            {t('markIncomplete')}
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => setComplete(slug, true)}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90"
        >
          {t('markComplete')}
        </button>
      )}
    </div>
  );
}
