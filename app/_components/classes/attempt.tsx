'use client';
// A student's attempt, each question asked with the practice cards' answer fields (toggle buttons
// for flags, option cards, the same number fields and their errors): each answer is saved to the
// server as it is given (a TanStack mutation that
// retries, paused while offline and sent when the browser is back online; the per-question counter
// makes a retry store nothing twice), then submitted. Until the server confirms an answer it is
// also kept in localStorage (app/_lib/answer-queue), so a reload while offline loses nothing: the
// page shows it and sends it again. A reload or a second device shows the answers already saved.
import { useMutation } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { TIME_FORMAT, WHEN_FORMAT } from '@/lib/classroom/when';
import { LATE_ANSWER_GRACE_MS, timeToAnswer } from '@/lib/classroom/rules';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AttemptView, Feedback, PreviewQuestion } from '@/lib/classroom/service';
import type { ItemView } from '@/lib/classroom/view';
import type { Segment, Side } from '@/lib/engine/types';
import { segmentText } from '@/app/_lib/quiz-format';
import { api, ApiError } from '@/app/_lib/api';
import { enqueue, readQueue, resumeAnswer, settle, type QueuedAnswer } from '@/app/_lib/answer-queue';
import { draftOf, draftResponse, EMPTY_DRAFT, type Draft } from '@/app/_lib/quiz-draft';
import { useErrorText } from './error-text';
import { QuizDiagram } from '@/app/_components/quiz/quiz-diagram';
import { QuestionPanel } from '@/app/_components/quiz/question-panel';
import { AnswerFields, useDraftErrorText } from '@/app/_components/quiz/answer-fields';
import type { FieldErrors } from '@/app/_components/quiz/answer/form-props';
import { useResponseText } from './response-text';
import { Countdown } from './countdown';

/**
 * The server's reply to an answer. `seq`: the counter it now holds for the question (another
 * device's answers moved it). `kept`: the answer it kept instead, given later on another device.
 */
type Saved = { stored: boolean; feedback: Feedback | null; seq?: number; kept?: unknown };

/** Every attempt call may carry the engine's explanations: they come in the page's language, not the browser's. */
function inLang(path: string, lang: string): string {
  return `${path}?lang=${lang}`;
}

/**
 * A state question's answer is the state drawn after its last event: hidden behind '?' (one side,
 * or both for a pair) until feedback is allowed, as the practice cards do.
 */
function stateMask(item: ItemView, revealed: boolean): { row: number; side: Side | 'both' } | null {
  if (revealed || (item.kind !== 'state' && item.kind !== 'state_choice')) return null;
  return { row: item.trace.events.length, side: item.kind === 'state_choice' ? 'both' : (item.side ?? 'both') };
}

/**
 * A question as a student sees it, read-only and numbered as the student's page and the
 * gradebook's Q1..Qn number it: the instructor's preview, with the answer key folded beneath.
 */
export function PreviewItem({ item, total }: { item: PreviewQuestion; total: number }) {
  const t = useTranslations('classes.take');
  const tq = useTranslations('quiz');
  const rightText = useRightText(item.key, item);
  return (
    <li className="space-y-3 rounded-lg border border-border bg-surface p-4" data-testid={`preview-${item.position}`}>
      <h3 className="font-semibold">{t('question', { n: item.position + 1, total })}</h3>
      <QuizDiagram id={`p-${item.position}`} trace={item.trace} mask={stateMask(item, false)} highlight={item.kind === 'spot_error' ? -1 : null} />
      <p>{promptOf(tq, item)}</p>
      <fieldset disabled className="min-w-0 space-y-4">
        <legend className="sr-only">{promptOf(tq, item)}</legend>
        <AnswerFields item={item} id={`p-${item.position}`} draft={EMPTY_DRAFT} onDraft={() => undefined} />
      </fieldset>
      <details className="rounded-md border border-border p-3">
        <summary className="cursor-pointer font-medium">{t('answerKey')}</summary>
        <p className="mt-2 font-medium" data-testid="answer-key">{t('rightAnswer', { answer: rightText })}</p>
        <p className="mt-1">{item.key.explain}</p>
      </details>
    </li>
  );
}

/** What a question asks, as its student read it: beside a student's answers on the instructor's page. */
export function ItemPrompt({ item }: { item: ItemView }) {
  const tq = useTranslations('quiz');
  return <p className="text-muted">{promptOf(tq, item)}</p>;
}

function promptOf(tq: ReturnType<typeof useTranslations<'quiz'>>, item: ItemView): string {
  return tq(`prompts.${item.prompt.key}`, { ...item.prompt.values, flags: item.prompt.values.flags || tq('noFlags') });
}

/** The browser's localStorage, or null where there is none (server render, storage switched off). */
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A refusal (4xx) is final: resending the same answer would be refused again. */
const refused = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500;

function Question({ attempt, index, onAnswer }: { attempt: AttemptView; index: number; onAnswer: () => void }) {
  const t = useTranslations('classes.take');
  const tc = useTranslations('classes');
  const tq = useTranslations('quiz');
  const errorText = useErrorText();
  const text = useResponseText();
  const lang = useLocale();
  const item = attempt.items[index]!;
  const stored = attempt.answers.find((a) => a.position === index);
  const seq = useRef(stored?.clientSeq ?? 0);
  // The server's clock as this page knows it (the view says what it was when served): the moment
  // an answer is given travels with it, so one sent late from the offline queue can still count.
  const [skew] = useState(() => attempt.now - Date.now());
  const serverNow = () => Date.now() + skew;
  const [draft, setDraft] = useState<Draft>(() => (stored ? draftOf(stored.response) : EMPTY_DRAFT));
  /** What keeps the draft from being sent (incomplete, or a number that is none), as shown. */
  const [missing, setMissing] = useState<string | null>(null);
  /** Each field's problem, beside it, as the practice card shows it after "Check". */
  const [errors, setErrors] = useState<FieldErrors>({});
  const draftErrorText = useDraftErrorText();
  const [restored, setRestored] = useState(false);
  const save = useMutation({
    mutationFn: (body: QueuedAnswer) => api<Saved>(inLang(`/api/attempts/${attempt.id}/answers/${index}`, lang), 'PUT', body),
    retry: (count, error) => !refused(error) && count < 8,
    retryDelay: (n) => Math.min(500 * 2 ** n, 8000),
    onSettled: (data, error, body) => {
      const store = storage();
      if (store && (!error || refused(error))) settle(store, attempt.id, index, body.seq);
      // Counted on from where the server is, so this page's next answer is not taken for an old one.
      if (data?.seq !== undefined) seq.current = Math.max(seq.current, data.seq);
    },
  });
  const { mutate } = save;
  // After hydration (the server cannot see localStorage): an answer this device queued but the
  // server never confirmed is shown again and sent again (idempotent by its seq).
  useEffect(() => {
    const store = storage();
    if (!store) return;
    const resumed = resumeAnswer(stored, readQueue(store, attempt.id)[index]);
    if (!resumed?.unsent) return;
    // Sent even when the attempt has ended: given before its deadline, the server may still count
    // it (rules.answerInTime); if not, its refusal is shown and the entry settled.
    seq.current = resumed.seq;
    setDraft(draftOf(resumed.response));
    setRestored(true);
    mutate({ response: resumed.response, seq: resumed.seq, ...(resumed.answeredAt ? { answeredAt: resumed.answeredAt } : {}) });
  }, [attempt.id, index, item, stored, mutate]);
  // Back online after the retries ran out (or while they wait): send what is still queued here.
  const pending = save.isPending && !save.isPaused;
  useEffect(() => {
    function resend() {
      const store = storage();
      const queued = store ? readQueue(store, attempt.id)[index] : undefined;
      if (queued && !pending) mutate(queued);
    }
    window.addEventListener('online', resend);
    return () => window.removeEventListener('online', resend);
  }, [attempt.id, index, pending, mutate]);
  const feedback = attempt.feedback?.find((f) => f.position === index);
  // With feedback at once the first answer counts (the server refuses a second): the question closes.
  const final = attempt.assignment.feedback === 'immediate' && Boolean(feedback ?? save.data?.feedback);
  const prompt = promptOf(tq, item);

  function send(response: unknown, answeredAt: number) {
    setMissing(null);
    setErrors({});
    seq.current += 1;
    const body = { response, seq: seq.current, answeredAt };
    setRestored(false);
    onAnswer();
    const store = storage();
    if (store) enqueue(store, attempt.id, index, body);
    mutate(body);
  }

  function submitAnswer(event: FormEvent) {
    event.preventDefault();
    if (attempt.over || final) return;
    const built = draftResponse(item, draft);
    if (built.ok) return send(built.response, serverNow());
    const problems = Object.entries(built.errors).filter(([, e]) => e !== undefined);
    setErrors(Object.fromEntries(problems.map(([field, e]) => [field, draftErrorText(e)])));
    // A typed number that is none is told as such (the field says it too); an empty field or no pick is only incomplete.
    const typed = problems.map(([, e]) => e!).find((e) => 'max' in e && e.code !== 'empty');
    setMissing(typed ? draftErrorText(typed)! : t('incomplete'));
  }

  // The clock ran out with an answer typed here but not saved: it was on the screen before the
  // deadline, so it is sent as given then (as Moodle submits open answers at time-up), not lost.
  const overBefore = useRef(attempt.over);
  useEffect(() => {
    const ended = attempt.over && !overBefore.current;
    overBefore.current = attempt.over;
    if (!ended || attempt.submittedAt !== null || final) return;
    const built = draftResponse(item, draft);
    const sent = save.variables?.response ?? stored?.response;
    if (!built.ok || JSON.stringify(built.response) === JSON.stringify(sent)) return;
    send(built.response, Math.min(serverNow(), attempt.deadline - 1));
    // Only the moment the attempt ends matters; the draft and the rest are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt.over]);

  // A reload while offline: the browser may not know yet that it is offline, so the resend shows
  // as kept on this device until the server confirms it.
  const status = missing
    ? missing
    : restored && (save.isPending || (save.isError && !refused(save.error)))
      ? tc('restored')
      : save.isPaused
        ? t('queued')
        : save.isPending
        ? t('saving')
        : save.isError
          ? t('notSaved', { reason: errorText(save.error) })
          : save.data?.kept !== undefined
            ? t('keptOther', { answer: text(item, save.data.kept) })
            : save.isSuccess || stored
            ? t('saved')
            : '';

  const id = `a${index}-${attempt.id}`;
  const closed = attempt.over || final;
  return (
    <li data-testid={`question-${index}`}>
      <QuestionPanel
        id={id}
        kind={item.kind}
        prompt={prompt}
        heading={t('question', { n: index + 1, total: attempt.items.length })}
        diagram={<QuizDiagram id={`${id}-d`} trace={item.trace} mask={stateMask(item, Boolean(feedback ?? save.data?.feedback))} highlight={item.kind === 'spot_error' ? (draft.choice ?? -1) : null} />}
      >
        <form onSubmit={submitAnswer} noValidate className="min-w-0 space-y-4">
          <fieldset disabled={closed} className="min-w-0 space-y-4">
            <legend className="sr-only">{prompt}</legend>
            <AnswerFields item={item} id={id} draft={draft} onDraft={setDraft} errors={errors} />
          </fieldset>
          {!closed && (
            <button type="submit" className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
              {t('save')}
            </button>
          )}
          <p role="status" className={save.isError || save.data?.kept !== undefined ? 'text-sm font-semibold text-danger' : 'text-sm text-muted'} data-testid={`status-${index}`} data-state={save.isPaused || (restored && !save.isSuccess) ? 'queued' : save.isPending ? 'saving' : save.isError ? 'error' : save.data?.kept !== undefined ? 'kept-other' : save.isSuccess || stored ? 'saved' : 'empty'}>
            {status}
          </p>
          {(feedback ?? save.data?.feedback) && <FeedbackLine f={(feedback ?? save.data?.feedback)!} item={item} given={save.variables?.response ?? stored?.response} />}
        </form>
      </QuestionPanel>
    </li>
  );
}

/** The right answer in words; a free ISN is said to be free rather than given as a number. */
function useRightText(f: Feedback, item: ItemView): string {
  const tq = useTranslations('quiz');
  const text = useResponseText();
  return f.freeSeq ? segmentText(f.canonical as Segment, tq('noFlags'), tq('anyIsn')) : text(item, f.canonical);
}

/**
 * Right or not, the student's answer and the right one in words, and the engine's explanation:
 * on the student's page ("Your answer"), and on the instructor's, which names the `student`.
 */
export function FeedbackLine({ f, item, given, student }: { f: Feedback; item: ItemView; given: unknown; student?: string }) {
  const t = useTranslations('classes.take');
  const text = useResponseText();
  const rightText = useRightText(f, item);
  const answer = given === undefined ? '' : text(item, given);
  return (
    <div className={f.correct ? 'text-ok' : 'text-danger'} data-testid="feedback">
      <p className="font-semibold">{t(!f.answered ? 'unanswered' : f.correct ? 'right' : 'wrong')}</p>
      {given !== undefined && <p className="text-fg">{student ? t('theirAnswer', { name: student, answer }) : t('yourAnswer', { answer })}</p>}
      {!f.correct && <p className="font-medium text-fg" data-testid="right-answer">{t('rightAnswer', { answer: rightText })}</p>}
      <p className="text-fg">{f.explain}</p>
    </div>
  );
}

type Timing = { dueAt: number; timeLimit: number | null; serverNow: number };

/**
 * How long an attempt started now would run, kept up to date while the page is open (on the
 * server's clock, as the page was told it): the minutes left before the due time go down.
 */
function useTimeToAnswer({ dueAt, timeLimit, serverNow }: Timing) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (timeLimit === null) return;
    const skew = serverNow - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const timer = window.setInterval(tick, 5000);
    return () => window.clearInterval(timer);
  }, [serverNow, timeLimit]);
  return timeToAnswer({ dueAt, config: { timeLimit } }, now);
}

/**
 * `closed`: why no attempt can start (the server refuses one), as of when the page was served: the
 * due time has passed, or the class is archived; null while one can. `timing`: what a timed
 * attempt started now would get, said before Start when the due time cuts it short (trial T29).
 */
export function Attempt({ assignmentId, initial, closed, timing }: { assignmentId: string; initial: AttemptView | null; closed: 'due' | 'archived' | null; timing: Timing }) {
  const t = useTranslations('classes.take');
  const format = useFormatter();
  const lang = useLocale();
  const ahead = useTimeToAnswer(timing);
  const time = (ms: number) => format.dateTime(new Date(ms), TIME_FORMAT);
  const [shown, setAttempt] = useState<AttemptView | null>(initial);
  /** The exam clock reached 0:00 here: locked at once, before the server's view says so. */
  const [timeUp, setTimeUp] = useState(false);
  const attempt = shown && timeUp && !shown.over ? { ...shown, over: true } : shown;
  const attemptId = shown?.id;
  const endTime = useCallback(() => {
    setTimeUp(true);
    // The server's view of the ended attempt: its score and feedback, when the rule shows them.
    if (attemptId) void api<{ attempt: AttemptView }>(inLang(`/api/attempts/${attemptId}`, lang)).then((r) => setAttempt(r.attempt), () => undefined);
  }, [attemptId, lang]);
  /** Questions answered on this page since it loaded (the server's list is as of the load). */
  const [given, setGiven] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();

  async function run(path: string) {
    try {
      setAttempt((await api<{ attempt: AttemptView }>(inLang(path, lang), 'POST', {})).attempt);
      setTimeUp(false);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const start = closed ? (
    <p data-testid="past-due">{t(closed === 'archived' ? 'closedArchived' : 'closed')}</p>
  ) : (
    <div className="space-y-2">
      {ahead?.cut && timing.timeLimit !== null && (
        <p className="rounded-md border border-border bg-surface p-3 font-medium" data-testid="short-time">
          {t('shortTime', { time: time(timing.dueAt), minutes: Math.floor(ahead.ms / 60_000), limit: timing.timeLimit })}
        </p>
      )}
      <button type="button" onClick={() => run(`/api/assignments/${assignmentId}/attempts`)} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg">
        {t(attempt ? 'again' : 'start')}
      </button>
      {error && <p role="alert" className="text-danger">{error}</p>}
    </div>
  );
  if (!attempt) return start;
  const unanswered = attempt.items.length - new Set([...attempt.answers.map((a) => a.position), ...given]).size;
  function submit() {
    // Handing in with questions left blank is allowed, but only on purpose.
    if (unanswered > 0 && !window.confirm(t('confirmSubmit', { count: unanswered }))) return;
    void run(`/api/attempts/${attempt!.id}/submit`);
  }
  return (
    <div className="space-y-4">
      {attempt.assignment.timeLimit !== null && !attempt.over && (
        <Countdown
          key={attempt.id}
          deadline={attempt.deadline}
          serverNow={attempt.now}
          onEnd={endTime}
          // Cut short by the due time: the clock shows less than the limit, and says why.
          note={attempt.deadline < attempt.startedAt + attempt.assignment.timeLimit * 60_000 ? t('realEnd', { time: time(attempt.deadline), limit: attempt.assignment.timeLimit }) : undefined}
        />
      )}
      {timeUp && <p role="alert" className="font-semibold" data-testid="time-up">{t('timeUp', { minutes: LATE_ANSWER_GRACE_MS / 60_000 })}</p>}
      <p className="text-sm text-muted">
        {t('attemptOf', { n: attempt.number, total: attempt.assignment.attempts })} · {t('until', { when: format.dateTime(new Date(attempt.deadline), WHEN_FORMAT) })}
      </p>
      {attempt.score && <p className="text-xl font-semibold" data-testid="score">{t('score', { correct: attempt.score.correct, total: attempt.score.total })}</p>}
      <ol className="space-y-4">
        {attempt.items.map((_, i) => (
          <Question key={`${attempt.id}-${i}`} attempt={attempt} index={i} onAnswer={() => setGiven((g) => (g.includes(i) ? g : [...g, i]))} />
        ))}
      </ol>
      {!attempt.over && (
        <button type="button" onClick={submit} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg">
          {t('submit')}
        </button>
      )}
      {attempt.over && !attempt.feedback && <p>{t(attempt.assignment.feedback === 'after_due' ? 'feedbackAfterDue' : 'feedbackLater')}</p>}
      {/* Attempts left: the next one starts here, whatever feedback this one shows. */}
      {attempt.over && attempt.number < attempt.assignment.attempts ? start : error && <p role="alert" className="text-danger">{error}</p>}
    </div>
  );
}
