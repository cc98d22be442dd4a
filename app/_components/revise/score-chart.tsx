'use client';

import { useTranslations } from 'next-intl';
import type { ExamSummary } from '@/lib/revision';

const W = 320;
const H = 96;
const PAD = 8;

/** Scores of past mock exams over time, as a small line chart; the list beside it has the numbers. */
export function ScoreChart({ exams }: { exams: readonly ExamSummary[] }) {
  const t = useTranslations('revise.exam');
  if (exams.length === 0) return null;
  const points = exams.map((e, i) => {
    const x = exams.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (exams.length - 1);
    const percent = e.total === 0 ? 0 : (100 * e.correct) / e.total;
    return { x, y: H - PAD - (percent / 100) * (H - 2 * PAD), percent };
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartLabel')} data-testid="score-chart" className="h-24 w-full max-w-sm text-accent">
      {[0, 50, 100].map((p) => {
        const y = H - PAD - (p / 100) * (H - 2 * PAD);
        return (
          <g key={p}>
            <line x1={PAD} x2={W - PAD} y1={y} y2={y} stroke="var(--border)" strokeDasharray="3 3" />
            <text x={W - PAD} y={y - 2} textAnchor="end" fontSize="9" fill="var(--muted)">
              {p}%
            </text>
          </g>
        );
      })}
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r="3.5" fill="currentColor">
          <title>{`${Math.round(p.percent)}%`}</title>
        </circle>
      ))}
    </svg>
  );
}
