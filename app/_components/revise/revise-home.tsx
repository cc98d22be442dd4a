'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { dayOf, dueToday, formatDay, parseDay, schedule, startOfDay, todaysQueue } from '@/lib/revision';
import { Link } from '@/app/_lib/i18n/navigation';
import { readNow, useRevision } from '@/app/_lib/revision-store';
import { formatDayOnly } from './format';
import { PastExams } from './mock-exam';

const UPCOMING_DAYS = 7;

/** Revision home: what is due today, the exam date that paces it, and the ways in. */
export function ReviseHome() {
  const t = useTranslations('revise.home');
  const locale = useLocale();
  const { state, update } = useRevision();
  const id = useId();
  const [ready, setReady] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  useEffect(() => setReady(true), []);

  const now = readNow();
  const examDay = state.examDate ? parseDay(state.examDate) : null;
  const today = dayOf(now.at, now.offsetMinutes);
  const due = ready ? dueToday(state.cards, now, examDay) : [];
  // Of today's, those reviewed already wait a few minutes (their learning step); the rest are served now.
  const waiting = ready ? todaysQueue(state.cards, now, examDay).later.length : 0;
  const queue = ready ? schedule(state.cards, now, examDay) : [];
  const paced = queue.filter((q) => q.paced).length;
  const upcoming = Array.from({ length: UPCOMING_DAYS }, (_, i) => today + 1 + i)
    .map((day) => ({ day, count: queue.filter((q) => dayOf(q.due, now.offsetMinutes) === day).length }))
    .filter((d) => d.count > 0);

  function setDate(value: string) {
    if (value === '') {
      setDateError(null);
      return update((s) => ({ ...s, examDate: null, examDateSetAt: readNow().at }));
    }
    if (parseDay(value) === null) return setDateError(t('badDate'));
    setDateError(null);
    update((s) => ({ ...s, examDate: value, examDateSetAt: readNow().at }));
  }

  const card = 'rounded-lg border border-border bg-surface p-4';
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby={`${id}-due`} className={card} data-testid="due-today">
          <h2 id={`${id}-due`} className="text-lg font-semibold">
            {t('dueTitle')}
          </h2>
          <p className="mt-1 text-2xl font-bold" data-testid="due-count">
            {ready ? (due.length === 0 ? t('dueNone') : t('dueCount', { count: due.length })) : '\u00a0'}
          </p>
          {ready && waiting > 0 && <p className="text-sm text-muted">{t('laterToday', { count: waiting })}</p>}
          {ready && state.cards.length === 0 && <p className="mt-1 text-sm text-muted">{t('nothingYet')}</p>}
          {due.length > 0 && (
            <Link href="/revise/review" className="mt-3 inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
              {t('startReview')}
            </Link>
          )}
          {upcoming.length > 0 && (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">{t('upcoming')}</h3>
              <ul className="text-sm text-muted">
                {upcoming.map((u) => (
                  <li key={u.day}>{t('upcomingDay', { date: formatDayOnly(startOfDay(u.day, 0), locale), count: u.count })}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section aria-labelledby={`${id}-exam`} className={card}>
          <h2 id={`${id}-exam`} className="text-lg font-semibold">
            <label htmlFor={`${id}-date`}>{t('examDate')}</label>
          </h2>
          <p id={`${id}-hint`} className="text-sm text-muted">
            {t('examDateHint')}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input
              id={`${id}-date`}
              type="date"
              value={state.examDate ?? ''}
              // Until this browser's revision state is read, a date picked would be overwritten by it.
              disabled={!ready}
              min={formatDay(today)}
              onChange={(e) => setDate(e.target.value)}
              aria-describedby={`${id}-hint`}
              aria-invalid={dateError ? true : undefined}
              data-testid="exam-date"
              className="rounded-md border border-border bg-bg px-3 py-2"
            />
            {state.examDate && (
              <button type="button" onClick={() => setDate('')} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-surface-2">
                {t('clearDate')}
              </button>
            )}
          </div>
          <p role="status" className="mt-2 text-sm">
            {dateError ?? (examDay !== null && ready ? (examDay < today ? t('examPast') : examDay === today ? t('examToday') : `${t('daysLeft', { count: examDay - today })}${paced > 0 ? ` ${t('paced', { count: paced })}` : ''}`) : '')}
          </p>
        </section>
      </div>

      <section aria-labelledby={`${id}-ways`}>
        <h2 id={`${id}-ways`} className="text-xl font-semibold">
          {t('entries')}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {[
            { href: '/revise/exam', title: t('examEntry'), text: t('examEntryText') },
            { href: '/revise/exam?track=1', title: t('trackEntry'), text: t('trackEntryText') },
            { href: '/revise/mistakes', title: t('mistakesEntry'), text: state.mistakes.length === 0 ? t('mistakesEntryNone') : t('mistakesEntryText', { count: state.mistakes.length }) },
            { href: '/revise/sheet', title: t('sheetEntry'), text: t('sheetEntryText') },
          ].map((entry) => (
            <li key={entry.href}>
              <Link href={entry.href} className={`block h-full ${card} hover:border-accent`}>
                <span className="block font-semibold text-accent">{entry.title}</span>
                <span className="mt-1 block text-sm text-muted">{entry.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <PastExams />
    </div>
  );
}
