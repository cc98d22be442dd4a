'use client';

import { useTranslations } from 'next-intl';
import type { HTMLAttributes, ReactNode, Ref } from 'react';
import type { QuizItem } from '@/lib/quiz';

/**
 * A question as a card: its prompt as the heading (with the kind under it, and an optional line
 * above naming where it comes from), the diagram on the left and the answer on the right, stacked
 * on a phone. The quiz card and a mock exam's question share it.
 */
export function QuestionPanel({
  id,
  kind,
  prompt,
  heading,
  diagram,
  headingRef,
  children,
  ...section
}: Omit<HTMLAttributes<HTMLElement>, 'children' | 'aria-labelledby'> & {
  /** Prefix of the ids inside, unique on the page. */
  id: string;
  kind: QuizItem['kind'];
  prompt: string;
  heading?: string;
  diagram: ReactNode;
  /** The prompt's heading, for a caller that moves the focus to the question (it is focusable by script only). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const t = useTranslations('quiz');
  return (
    // Named by the line above too when there is one ("Question 2 of 6"): two questions of one page
    // may ask the same words, and two regions must not share a name.
    <section {...section} aria-labelledby={heading ? `${id}-heading ${id}-title` : `${id}-title`} data-kind={kind} className="rounded-xl border border-border bg-surface shadow-sm">
      <header className="border-b border-border px-4 py-3">
        {heading && (
          <p id={`${id}-heading`} className="text-sm font-medium text-muted">
            {heading}
          </p>
        )}
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {prompt}
        </h2>
        <p className="mt-1 text-sm text-muted">{t(`kinds.${kind}`)}</p>
      </header>
      <div className="grid gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="min-w-0">{diagram}</div>
        {children}
      </div>
    </section>
  );
}
