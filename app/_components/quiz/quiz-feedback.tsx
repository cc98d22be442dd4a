'use client';

import type { Ref } from 'react';

export type Feedback = { tone: 'ok' | 'wrong' | 'info'; lines: string[] };

/**
 * What a check says, read out as it changes (a polite live region): the first line is the verdict
 * (marked ✓ or ✗ beside the words, never by colour alone), the rest the hint, the explanation and
 * the rule. It takes focus when the question is over, since the button that had it is gone.
 */
export function QuizFeedback({ id, feedback, ref }: { id: string; feedback: Feedback | null; ref: Ref<HTMLDivElement> }) {
  const border = feedback?.tone === 'ok' ? 'border-ok' : feedback?.tone === 'wrong' ? 'border-danger' : 'border-border';
  const verdict = feedback?.tone === 'ok' ? 'text-ok' : feedback?.tone === 'wrong' ? 'text-danger' : '';
  return (
    <div id={id} ref={ref} tabIndex={-1} role="status" aria-live="polite" data-testid="quiz-feedback" className={feedback ? `space-y-1 rounded-md border p-3 text-sm text-fg ${border}` : ''}>
      {feedback?.lines.map((line, i) => (
        <p key={i} className={i === 0 ? `font-semibold ${verdict}` : ''}>
          {i === 0 && feedback.tone !== 'info' && <span aria-hidden="true">{feedback.tone === 'ok' ? '✓ ' : '✗ '}</span>}
          {line}
        </p>
      ))}
    </div>
  );
}
