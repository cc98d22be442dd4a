'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { masteryBySkill, misconceptionCounts, progressTotals, tryNumbers } from '@/lib/quiz';
import { Link } from '@/app/_lib/i18n/navigation';
import { useQuizProgress } from '@/app/_lib/quiz-progress';
import { ScrollArea } from '@/app/_components/ui/scroll-area';
import { TitledPanel } from '@/app/_components/ui/titled-panel';

const HISTORY = 30;

/** Mastery bars per skill, misconception counts and recent answers, from this browser's storage. */
export function ProgressView() {
  const t = useTranslations('progressPage');
  const ts = useTranslations('skills');
  const tm = useTranslations('misconceptions');
  const tk = useTranslations('quiz.kinds');
  const locale = useLocale();
  const { progress, reset } = useQuizProgress();
  const skills = masteryBySkill(progress);
  const misconceptions = misconceptionCounts(progress);
  const tries = tryNumbers(progress);
  const recent = progress.attempts.map((a, i) => ({ ...a, try: tries[i] ?? 1 })).slice(-HISTORY).reverse();
  const totals = progressTotals(progress);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="space-y-6" data-testid="progress-view">
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-medium" data-testid="progress-total">
          {t('total', { ...totals })}
        </p>
        <Link href="/practice" className="ml-auto rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90">
          {t('practice')}
        </Link>
      </div>

      <Panel title={t('skills')}>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {skills.map((s) => {
            const percent = Math.round(s.mastery * 100);
            return (
              <li key={s.skill} data-testid={`skill-${s.skill}`} data-questions={s.questions}>
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium">{ts(s.skill)}</span>
                  {/* The status keeps one line; a long skill name wraps instead (390 px phone). */}
                  <span className="shrink-0 whitespace-nowrap tabular-nums text-muted">{s.questions === 0 ? t('noAttempts') : t('mastery', { percent })}</span>
                </div>
                <div aria-hidden="true" className="mt-1 h-2.5 overflow-hidden rounded-full bg-surface-2">
                  <div className="h-full rounded-full bg-ok" style={{ width: `${percent}%` }} />
                </div>
                {s.questions > 0 && <p className="mt-0.5 text-xs text-muted">{t('counts', { correct: s.correct, questions: s.questions, retries: s.attempts - s.questions })}</p>}
              </li>
            );
          })}
        </ul>
        <details className="mt-3 text-sm" data-testid="mastery-how">
          <summary className="cursor-pointer font-medium">{t('howTitle')}</summary>
          <p className="mt-1 text-muted">{t('how')}</p>
        </details>
      </Panel>

      <Panel title={t('misconceptions')} empty={misconceptions.length === 0 ? t(progress.attempts.some((a) => a.misconception) ? 'misconceptionsFixed' : 'noMisconceptions') : null}>
        <ul className="mt-3 space-y-3">
          {misconceptions.map(({ misconception, count }) => (
            <li key={misconception} data-testid={`misconception-${misconception}`}>
              <p className="flex justify-between gap-2 font-medium">
                <span>{tm(`${misconception}.label`)}</span>
                <span className="tabular-nums text-danger">{t('misconceptionCount', { count })}</span>
              </p>
              <p className="text-sm text-muted">{tm(`${misconception}.description`)}</p>
            </li>
          ))}
        </ul>
      </Panel>

      <Panel title={t('history')} empty={recent.length === 0 ? t('noHistory') : null}>
        <ScrollArea labelledBy="history-title" className="mt-3" testId="history-scroll">
          <table className="w-full border-collapse text-left text-sm">
            <thead className="bg-surface-2">
              <tr>
                {(['colWhen', 'colKind', 'colSkill', 'colResult', 'colMisconception'] as const).map((c) => (
                  <th key={c} scope="col" className="whitespace-nowrap px-2 py-1.5 font-semibold">
                    {t(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {recent.map((a, i) => (
                <tr key={`${a.at}-${i}`} className="border-t border-border">
                  <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">{when.format(a.at)}</td>
                  <td className="px-2 py-1.5">{tk(a.kind)}</td>
                  <td className="px-2 py-1.5">{ts(a.skill)}</td>
                  <td className={`px-2 py-1.5 font-medium ${a.correct ? 'text-ok' : 'text-danger'}`}>
                    <span aria-hidden="true">{a.correct ? '✓ ' : '✗ '}</span>
                    {a.correct ? t('right') : t('wrong')}
                    {a.try > 1 && <span className="whitespace-nowrap font-normal text-muted"> · {t('tryN', { n: a.try })}</span>}
                  </td>
                  <td className="px-2 py-1.5">{a.misconception ? tm(`${a.misconception}.label`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Panel>

      {progress.attempts.length > 0 && (
        <button type="button" onClick={() => window.confirm(t('resetConfirm', { count: progress.attempts.length })) && reset()} className="text-sm text-accent underline">
          {t('reset')}
        </button>
      )}
    </div>
  );
}

/** A titled box of the progress page; shows `empty` instead of its content when there is nothing yet. */
function Panel({ title, empty = null, children }: { title: string; empty?: string | null; children: ReactNode }) {
  return (
    <TitledPanel title={title} level={2} large>
      {empty === null ? children : <p className="mt-2 text-sm text-muted">{empty}</p>}
    </TitledPanel>
  );
}
