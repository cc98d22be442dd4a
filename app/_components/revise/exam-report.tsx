'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import type { Lang } from '@/lib/engine';
import type { Skill } from '@/lib/quiz';
import { buildQuestion, scoreExam, type ExamSession } from '@/lib/revision';
import { Link } from '@/app/_lib/i18n/navigation';
import { useAnswerText } from './answer-text';
import { formatClock } from './format';
import { QuestionRecap } from './question-recap';
import { useGradeNote } from './track-question';

/** The report after the end: score, weakest skills with their lesson sections, then every question. */
export function ExamReport({ session, sections }: { session: ExamSession; sections: Record<Skill, string> }) {
  const t = useTranslations('revise.exam');
  const ts = useTranslations('skills');
  const lang = useLocale() as Lang;
  const answerText = useAnswerText();
  const note = useGradeNote();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const report = useMemo(() => scoreExam(session, lang), [session, lang]);
  useEffect(() => headingRef.current?.focus(), []);
  const percent = report.total === 0 ? 0 : Math.round((100 * report.correct) / report.total);

  return (
    <section aria-labelledby="report-title" className="space-y-6" data-testid="exam-report">
      <div>
        <h2 id="report-title" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
          {t('reportTitle')}
        </h2>
        <p className="mt-2 text-lg font-medium" data-testid="exam-score">
          {t('score', { correct: report.correct, total: report.total, percent })}
        </p>
        <p className="text-muted" data-testid="handed-in">
          {report.timedOut ? t('timedOut', { answered: report.answered }) : t('handedIn', { time: formatClock(report.endedAt - report.startedAt), allowed: formatClock(session.config.minutes * 60_000) })}
        </p>
      </div>

      <section aria-labelledby="weakest-title" className="rounded-lg border border-border bg-surface p-4">
        <h3 id="weakest-title" className="font-semibold">
          {t('weakest')}
        </h3>
        {report.weakest.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t('weakestNone')}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {report.weakest.slice(0, 5).map((w) => (
              <li key={w.skill} className="flex flex-wrap gap-x-3">
                <span className="font-medium">{t('weakestItem', { skill: ts(w.skill), correct: w.correct, total: w.total })}</span>
                <Link href={sections[w.skill]} className="text-accent underline">
                  {t('readLesson')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="items-title">
        <h3 id="items-title" className="text-lg font-semibold">
          {t('itemsTitle')}
        </h3>
        <ol className="mt-2 space-y-3">
          {report.items.map((item) => {
            const q = buildQuestion(item.ref);
            const explain = item.grade && !item.correct ? item.grade.explain : (item.right?.explain ?? '');
            const grade = item.grade ?? item.right;
            return (
              <li key={item.index} data-testid="report-item" data-correct={item.correct} className={`rounded-lg border bg-surface p-3 text-sm ${item.correct ? 'border-ok' : 'border-danger'}`}>
                <p className="font-semibold">
                  <span aria-hidden="true" className={item.correct ? 'text-ok' : 'text-danger'}>
                    {item.correct ? '✓ ' : '✗ '}
                  </span>
                  {t('questionOf', { n: item.index + 1, total: report.total })} · {ts(item.skill)} <span className="sr-only">{t('verdict', { verdict: item.correct ? t('right') : t('wrong') })}</span>
                </p>
                {q && <QuestionRecap question={q} highlight={(item.response as { event?: number } | null)?.event ?? null} />}
                {q && <p className="mt-1">{item.answered ? t('yourAnswer', { answer: answerText(q, item.response) }) : t('noAnswer')}</p>}
                {q && item.right && <p>{t('rightAnswer', { answer: answerText(q, item.right.canonical) })}</p>}
                {explain && <p className="text-muted">{t('why', { explain })}</p>}
                {grade?.note && <p className="text-muted">{note(grade)}</p>}
                <p className="text-muted">{t('timeTaken', { time: formatClock(item.seconds * 1000) })}</p>
              </li>
            );
          })}
        </ol>
      </section>
    </section>
  );
}
