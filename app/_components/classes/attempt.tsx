'use client';
// A student's attempt: each answer is saved to the server as it is given (a TanStack mutation that
// retries, paused while offline and sent when the browser is back online; the per-question counter
// makes a retry store nothing twice), then submitted. Feedback shows when the server sends it.
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { AttemptView, Feedback } from '@/lib/classroom/service';
import type { ItemView } from '@/lib/classroom/view';
import { api } from '@/app/_lib/api';
import { QuizDiagram } from '@/app/_components/quiz/quiz-diagram';
import { AnswerInput, EMPTY_DRAFT, responseOf, type Draft } from './answer-input';
import { flagsText } from '@/app/_lib/quiz-format';

type Saved = { stored: boolean; feedback: Feedback | null };

/** A question as a student sees it, read-only: the instructor's preview. */
export function PreviewItem({ item }: { item: ItemView }) {
  const tq = useTranslations('quiz');
  return (
    <li className="space-y-3 rounded-lg border border-border bg-surface p-4">
      <QuizDiagram id={`p-${item.position}`} trace={item.trace} />
      <p>{promptOf(tq, item)}</p>
      <AnswerInput item={item} draft={EMPTY_DRAFT} onChange={() => undefined} disabled />
    </li>
  );
}

function promptOf(tq: ReturnType<typeof useTranslations<'quiz'>>, item: ItemView): string {
  return tq(`prompts.${item.kind}`, { side: item.side ?? 'A', flags: item.given.flags ? flagsText(item.given.flags) || tq('noFlags') : '', len: item.given.len ?? 0 });
}

function Question({ attempt, index }: { attempt: AttemptView; index: number }) {
  const t = useTranslations('classes.take');
  const tq = useTranslations('quiz');
  const item = attempt.items[index]!;
  const stored = attempt.answers.find((a) => a.position === index);
  const seq = useRef(stored?.clientSeq ?? 0);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (body: { response: unknown; seq: number }) => api<Saved>(`/api/attempts/${attempt.id}/answers/${index}`, 'PUT', body),
    retry: 5,
    retryDelay: (n) => Math.min(500 * 2 ** n, 8000),
  });
  const feedback = attempt.feedback?.find((f) => f.position === index);
  const prompt = promptOf(tq, item);

  function submitAnswer() {
    const response = responseOf(item, draft);
    if (response === null) return setMissing(true);
    setMissing(false);
    seq.current += 1;
    save.mutate({ response, seq: seq.current });
  }

  return (
    <li className="space-y-3 rounded-lg border border-border bg-surface p-4" data-testid={`question-${index}`}>
      <h2 className="font-semibold">{t('question', { n: index + 1, total: attempt.items.length })}</h2>
      <QuizDiagram id={`a-${attempt.id}-${index}`} trace={item.trace} />
      <p>{prompt}</p>
      <AnswerInput item={item} draft={draft} onChange={setDraft} disabled={attempt.over} />
      {!attempt.over && (
        <button type="button" onClick={submitAnswer} className="min-h-10 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
          {t('save')}
        </button>
      )}
      <p role="status" className="text-sm text-muted">
        {missing ? t('incomplete') : save.isPaused ? t('queued') : save.isPending ? t('saving') : save.isError ? t('notSaved', { reason: save.error.message }) : save.isSuccess || stored ? t('saved') : ''}
      </p>
      {(feedback ?? save.data?.feedback) && <FeedbackLine f={(feedback ?? save.data?.feedback)!} />}
    </li>
  );
}

function FeedbackLine({ f }: { f: Feedback }) {
  const t = useTranslations('classes.take');
  return (
    <div className={f.correct ? 'text-ok' : 'text-danger'} data-testid="feedback">
      <p className="font-semibold">{t(f.correct ? 'right' : 'wrong')}</p>
      <p className="text-fg">{f.explain}</p>
    </div>
  );
}

export function Attempt({ assignmentId, initial }: { assignmentId: string; initial: AttemptView | null }) {
  const t = useTranslations('classes.take');
  const [attempt, setAttempt] = useState<AttemptView | null>(initial);
  const [error, setError] = useState<string | null>(null);

  async function run(path: string) {
    try {
      setAttempt((await api<{ attempt: AttemptView }>(path, 'POST', {})).attempt);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (!attempt || (attempt.over && attempt.number < attempt.assignment.attempts && !attempt.feedback)) {
    return (
      <div className="space-y-2">
        <button type="button" onClick={() => run(`/api/assignments/${assignmentId}/attempts`)} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg">
          {t(attempt ? 'again' : 'start')}
        </button>
        {error && <p role="alert" className="text-danger">{error}</p>}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        {t('attemptOf', { n: attempt.number, total: attempt.assignment.attempts })} · {t('until', { when: new Date(attempt.deadline).toLocaleString() })}
      </p>
      {attempt.score && <p className="text-xl font-semibold" data-testid="score">{t('score', { correct: attempt.score.correct, total: attempt.score.total })}</p>}
      <ol className="space-y-4">
        {attempt.items.map((_, i) => (
          <Question key={`${attempt.id}-${i}`} attempt={attempt} index={i} />
        ))}
      </ol>
      {!attempt.over && (
        <button type="button" onClick={() => run(`/api/attempts/${attempt.id}/submit`)} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg">
          {t('submit')}
        </button>
      )}
      {attempt.over && !attempt.feedback && <p>{t(attempt.assignment.feedback === 'after_due' ? 'feedbackAfterDue' : 'feedbackLater')}</p>}
      {error && <p role="alert" className="text-danger">{error}</p>}
    </div>
  );
}
