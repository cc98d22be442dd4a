'use client';

import { useTranslations } from 'next-intl';
import type { ExamSummary } from '@/lib/revision';
import { formatShortDate } from './format';

const W = 320;
const H = 112;
const PAD = 8;
/** Room under the plot for the dates. */
const AXIS = 18;
/** Up to this many exams every point has its date under it; beyond, the first and the last. */
const ALL_DATES = 6;

/**
 * Scores of past mock exams over time, as a small line chart: each point is dated (under it, and
 * in its tooltip with the score); the list beside it has the numbers.
 */
export function ScoreChart({ exams, locale }: { exams: readonly ExamSummary[]; locale: string }) {
  const t = useTranslations('revise.exam');
  if (exams.length === 0) return null;
  const bottom = H - AXIS;
  const yOf = (percent: number) => bottom - PAD - (percent / 100) * (bottom - 2 * PAD);
  const points = exams.map((e, i) => {
    const x = exams.length === 1 ? W / 2 : PAD + 12 + (i * (W - 2 * PAD - 24)) / (exams.length - 1);
    const percent = e.total === 0 ? 0 : (100 * e.correct) / e.total;
    return { x, y: yOf(percent), percent, date: formatShortDate(e.at, locale), labelled: exams.length <= ALL_DATES || i === 0 || i === exams.length - 1 };
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartLabel')} data-testid="score-chart" className="h-28 w-full max-w-sm text-accent">
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={PAD} x2={W - PAD} y1={yOf(p)} y2={yOf(p)} stroke="var(--border)" strokeDasharray="3 3" />
          <text x={W - PAD} y={yOf(p) - 2} textAnchor="end" fontSize="9" fill="var(--muted)">
            {p}%
          </text>
        </g>
      ))}
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={i} data-testid="score-point">
          <circle cx={p.x} cy={p.y} r="3.5" fill="currentColor">
            <title>{t('chartPoint', { date: p.date, percent: Math.round(p.percent) })}</title>
          </circle>
          {p.labelled && (
            <text x={p.x} y={H - 4} textAnchor="middle" fontSize="10" fill="var(--muted)">
              {p.date}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
