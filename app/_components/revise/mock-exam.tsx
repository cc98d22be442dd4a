'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Difficulty, Lang } from '@/lib/engine';
import { DIFFICULTIES, type Skill } from '@/lib/quiz';
import {
  answerQuestion,
  buildQuestion,
  completeExam,
  examAttempts,
  EXAM_LIMITS,
  EXAM_TOPICS,
  finishExam,
  isOver,
  makeExam,
  MAX_RECENT_EXAMS,
  scoreExam,
  timeLeft,
  visitQuestion,
  type ExamSession,
  type ExamSummary,
  type ExamTopic,
} from '@/lib/revision';
import { Link } from '@/app/_lib/i18n/navigation';
import { freshSeed, parseWhole } from '@/app/_lib/quiz-input';
import { useQuizProgress } from '@/app/_lib/quiz-progress';
import { CheckFieldset, RadioFieldset } from '@/app/_components/ui/choice-fieldsets';
import { SetupForm } from '@/app/_components/ui/setup-form';
import { readNow, useRevision } from '@/app/_lib/revision-store';
import { ExamQuizQuestion } from './exam-quiz-question';
import { ExamReport } from './exam-report';
import { formatClock, formatDate } from './format';
import { ScoreChart } from './score-chart';
import { TrackChoices } from './track-question';

/**
 * The mock exam page: set up, sit (the session lives in storage with its deadline, so a reload
 * continues it), then the report. Past exams are listed with a chart of their scores.
 */
export function MockExam({ sections }: { sections: Record<Skill, string> }) {
  const { state, update } = useRevision();
  const lang = useLocale() as Lang;
  const [viewing, setViewing] = useState<string | null>(null);
  const active = state.activeExam;
  // `?report=ID` (a past exam's row on the revision home) opens that report; read after hydration so the page stays static.
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('report');
    if (id) setViewing(id);
  }, []);

  function closeReport() {
    setViewing(null);
    if (new URLSearchParams(window.location.search).has('report')) window.history.replaceState(null, '', window.location.pathname);
  }

  const { record } = useQuizProgress();
  /** Exams this page has ended: the time-out and a click may both end one, and its answers count once. */
  const ended = useRef(new Set<string>());

  function complete(session: ExamSession) {
    const report = scoreExam(session, lang);
    update((s) => (s.activeExam?.id === session.id ? completeExam(s, session, report) : s));
    if (state.activeExam?.id === session.id && !ended.current.has(session.id)) {
      ended.current.add(session.id);
      for (const attempt of examAttempts(report)) record(attempt);
    }
    setViewing(session.id);
  }

  if (active) return <ExamRun key={active.id} session={active} onChange={(next) => update((s) => (s.activeExam?.id === next.id ? { ...s, activeExam: next } : s))} onOver={complete} />;
  const shown = viewing ? state.recentExams.find((e) => e.id === viewing) : undefined;
  if (shown) return <ReportView session={shown} sections={sections} onNew={closeReport} />;
  return (
    <div className="space-y-8">
      <ExamConfigForm onStart={(session) => update((s) => ({ ...s, activeExam: session }))} />
      <PastExams onOpen={setViewing} />
    </div>
  );
}

function ReportView({ session, sections, onNew }: { session: ExamSession; sections: Record<Skill, string>; onNew: () => void }) {
  const t = useTranslations('revise.exam');
  return (
    <div className="space-y-4">
      <ExamReport session={session} sections={sections} />
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onNew} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
          {t('newExam')}
        </button>
        <Link href="/revise/review" className="inline-flex min-h-11 items-center rounded-md border border-border px-4 font-medium hover:bg-surface-2">
          {t('reviewMisses')}
        </Link>
      </div>
    </div>
  );
}

function useTicking(on: boolean): number {
  const [now, setNow] = useState(() => readNow().at);
  useEffect(() => {
    if (!on) return;
    const timer = window.setInterval(() => setNow(readNow().at), 1000);
    return () => window.clearInterval(timer);
  }, [on]);
  return now;
}

function ExamRun({ session, onChange, onOver }: { session: ExamSession; onChange: (s: ExamSession) => void; onOver: (s: ExamSession) => void }) {
  const t = useTranslations('revise.exam');
  const now = useTicking(true);
  const [confirming, setConfirming] = useState(false);
  /** Counts "clear" presses: a cleared question is drawn afresh, with empty fields. */
  const [cleared, setCleared] = useState(0);
  const [resumed] = useState(() => session.answers.some((a) => a !== null) || session.visits.length > 1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = session.visits.at(-1)?.index ?? 0;
  const question = useMemo(() => buildQuestion(session.refs[index] ?? ''), [session.refs, index]);
  const left = timeLeft(session, now);
  const over = isOver(session, now);
  const unanswered = session.answers.filter((a) => a === null).length;

  useEffect(() => {
    if (over) onOver(finishExam(session, readNow().at));
  }, [over, session, onOver]);

  function go(next: number) {
    onChange(visitQuestion(session, next, readNow().at));
    setConfirming(false);
    headingRef.current?.focus();
  }

  function answer(response: unknown) {
    const at = readNow().at;
    onChange(response === null ? { ...session, answers: session.answers.map((a, i) => (i === index ? null : a)) } : answerQuestion(session, index, response, at));
  }

  const minutesLeft = Math.ceil(left / 60_000);
  const warn = minutesLeft === 5 || minutesLeft === 1 ? t('timeWarning', { minutes: minutesLeft }) : '';
  const value = session.answers[index]?.response ?? null;

  return (
    <div className="space-y-4" data-testid="exam-run">
      {resumed && <p className="rounded-md border border-border bg-surface p-3 text-sm">{t('resumed')}</p>}
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-bg py-2">
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold" data-testid="question-counter">
          {t('questionOf', { n: index + 1, total: session.refs.length })}
        </h2>
        <p className="font-mono text-lg font-semibold tabular-nums" data-testid="exam-timer" aria-label={t('timeLeftLabel')}>
          
          {formatClock(left)}
        </p>
        <p className="sr-only" aria-live="polite">
          {warn}
        </p>
      </div>
      <nav aria-label={t('navigator')}>
        <ol className="flex flex-wrap gap-1">
          {session.refs.map((_, i) => {
            const done = session.answers[i] !== null;
            return (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={`${i + 1} (${done ? t('answered') : t('unanswered')})`}
                  className={`size-10 rounded-md border font-mono text-sm aria-[current=step]:ring-2 aria-[current=step]:ring-accent ${done ? 'border-accent bg-[var(--accent-soft)]' : 'border-border'}`}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {question?.source === 'quiz' && <ExamQuizQuestion key={`${index}-${cleared}`} item={question.item} value={value} onChange={answer} />}
      {question?.source === 'track' && (
        <div className="rounded-xl border border-border bg-surface p-4 shadow-sm" data-testid="exam-question" data-kind="track">
          <TrackChoices item={question.item} value={(value as { option?: number } | null)?.option ?? null} onChange={(option) => answer({ option })} />
        </div>
      )}
      <p className="text-sm text-muted" role="status">
        {value !== null ? t('saved') : ''}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={index === 0} onClick={() => go(index - 1)} className="min-h-11 rounded-md border border-border px-4 font-medium hover:bg-surface-2 disabled:opacity-50">
          {t('previous')}
        </button>
        {index + 1 < session.refs.length && (
          <button type="button" onClick={() => go(index + 1)} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
            {t('next')}
          </button>
        )}
        {value !== null && (
          <button
            type="button"
            onClick={() => {
              answer(null);
              setCleared((n) => n + 1);
            }} className="min-h-11 rounded-md border border-border px-4 font-medium hover:bg-surface-2">
            {t('clear')}
          </button>
        )}
        <button
          type="button"
          onClick={() => (unanswered > 0 ? setConfirming(true) : onOver(finishExam(session, readNow().at)))}
          className="ml-auto min-h-11 rounded-md border border-accent px-4 font-semibold text-accent hover:bg-surface-2"
        >
          {t('handIn')}
        </button>
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="confirm-text" className="space-y-3 rounded-lg border border-danger bg-surface p-4">
          <p id="confirm-text">{t('confirmHandIn', { count: unanswered })}</p>
          <div className="flex gap-2">
            <button type="button" autoFocus onClick={() => onOver(finishExam(session, readNow().at))} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg">
              {t('confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="min-h-11 rounded-md border border-border px-4 font-medium">
              {t('keepGoing')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function ExamConfigForm({ onStart }: { onStart: (s: ExamSession) => void }) {
  const t = useTranslations('revise.exam');
  const tp = useTranslations('practice');
  const id = useId();
  const [track, setTrack] = useState(false);
  const [topics, setTopics] = useState<ExamTopic[]>(['handshake', 'teardown', 'exam_track']);
  // `?track=1` (the exam-track entry) presets the topics; read after hydration so the page stays static.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('track') !== '1') return;
    setTrack(true);
    setTopics(['exam_track']);
  }, []);
  const [difficulty, setDifficulty] = useState<Difficulty>('beginner');
  const [count, setCount] = useState('10');
  const [minutes, setMinutes] = useState('15');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = parseWhole(count, EXAM_LIMITS.count.max);
    const m = parseWhole(minutes, EXAM_LIMITS.minutes.max);
    if (topics.length === 0) return setError(t('noTopics'));
    if (!n.ok || n.value < EXAM_LIMITS.count.min) return setError(t('badCount', EXAM_LIMITS.count));
    if (!m.ok || m.value < EXAM_LIMITS.minutes.min) return setError(t('badMinutes', EXAM_LIMITS.minutes));
    const chosen = EXAM_TOPICS.filter((x) => topics.includes(x));
    onStart(makeExam({ count: n.value, minutes: m.value, topics: chosen, difficulty }, freshSeed(), readNow().at));
  }

  const box = 'rounded-lg border border-border bg-surface p-4';
  const field = 'mt-1 w-28 rounded-md border border-border bg-bg px-3 py-2 font-mono';
  return (
    <SetupForm title={t('configure')} onSubmit={submit} error={error} submitLabel={t('start')} data-testid="exam-config">
      {track && <p className="text-muted">{t('trackIntro')}</p>}
      {/* One name per topic across the site: practice's, and the exam's own track. */}
      <CheckFieldset legend={t('topics')} options={EXAM_TOPICS} chosen={topics} onChange={setTopics} label={(topic) => (topic === 'exam_track' ? t('topicNames.exam_track') : tp(`topicNames.${topic}`))} />
      <RadioFieldset legend={t('difficulty')} name={`${id}-difficulty`} options={DIFFICULTIES} value={difficulty} onChange={setDifficulty} label={(d) => tp(`difficultyNames.${d}`)} />
      <div className={`${box} flex flex-wrap gap-6`}>
        <div>
          <label htmlFor={`${id}-count`} className="block text-sm font-semibold">
            {t('count')}
          </label>
          <input id={`${id}-count`} type="text" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-minutes`} className="block text-sm font-semibold">
            {t('minutes')}
          </label>
          <input id={`${id}-minutes`} type="text" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} className={field} />
        </div>
      </div>
    </SetupForm>
  );
}

export function PastExams({ onOpen }: { onOpen?: (id: string) => void }) {
  const t = useTranslations('revise.exam');
  const locale = useLocale();
  const { state } = useRevision();
  const kept = new Set(state.recentExams.map((e) => e.id));
  const allowed = (e: ExamSummary) => formatClock(e.minutes * 60_000);
  const row = (e: ExamSummary) => {
    const base = { date: formatDate(e.at, locale), correct: e.correct, total: e.total };
    if (e.timedOut) return t('pastItemTimedOut', { ...base, allowed: allowed(e) });
    if (e.taken !== undefined) return t('pastItemTaken', { ...base, taken: formatClock(e.taken), allowed: allowed(e) });
    return t('pastItem', { ...base, minutes: e.minutes });
  };
  return (
    <section aria-labelledby="past-title" className="space-y-3" data-testid="past-exams">
      <h2 id="past-title" className="text-xl font-semibold">
        {t('pastTitle')}
      </h2>
      {state.exams.length === 0 ? (
        <p className="text-muted">{t('pastNone')}</p>
      ) : (
        <>
          <ScoreChart exams={state.exams} locale={locale} />
          <ol className="space-y-1 text-sm">
            {[...state.exams].reverse().map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-x-3">
                <span>{row(e)}</span>
                {!kept.has(e.id) ? (
                  <span className="text-muted">{t('notKept', { count: MAX_RECENT_EXAMS })}</span>
                ) : onOpen ? (
                  <button type="button" onClick={() => onOpen(e.id)} className="text-accent underline">
                    {t('open')}
                  </button>
                ) : (
                  <Link href={`/revise/exam?report=${encodeURIComponent(e.id)}`} className="text-accent underline">
                    {t('open')}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
