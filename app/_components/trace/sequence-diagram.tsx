'use client';

import { useTranslations } from 'next-intl';
import type { ResolvedEvent, Segment, Side } from '@/lib/engine/types';
import { statesAt, useTraceStep } from './trace-context';
import { flagsLabel, other } from './trace-format';

export const SEQUENCE_WIDTH = 480;
const WIDTH = SEQUENCE_WIDTH;
const X: Record<Side, number> = { A: 140, B: 340 };
const TOP = 64;
const ROW = 52;
const CHAR = 7.3; // advance of the 12px monospace font, to size label pills

const y = (row: number) => TOP + row * ROW;

/** The drawing's height for a trace of `rows` rows (events, plus one for a question's arrow). */
export const sequenceDiagramHeight = (rows: number) => y(rows) + 28;

interface Arrow {
  event: number;
  segment: Segment;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** The event index at which it arrives or is lost (its own index for a shorthand segment). */
  endsAt: number;
  fate: 'delivered' | 'dropped' | 'in_flight';
}

/** A send at event i delivered at event j runs from row i (sender) to row j + 1 (receiver). */
function arrowsOf(events: ResolvedEvent[]): Arrow[] {
  return events.flatMap((event, i): Arrow[] => {
    if (event.kind !== 'send' && event.kind !== 'segment') return [];
    const sender = event.segment.from;
    const endsAt = event.kind === 'segment' ? i : (event.fateAt ?? events.length - 1);
    return [
      {
        event: i,
        segment: event.segment,
        from: { x: X[sender], y: y(i) },
        to: { x: X[other(sender)], y: y(endsAt + 1) },
        endsAt,
        fate: event.kind === 'segment' ? 'delivered' : event.fate,
      },
    ];
  });
}

/** An arrow that is not part of the trace: the segment a question asks for, or a learner's wrong answer. */
export interface ExtraArrow {
  from: Side;
  /** Null draws a "?" arrow: who sends next, not what. */
  segment: Segment | null;
  label: string;
  tone: 'pending' | 'wrong';
}

export interface SequenceDiagramProps {
  /** Drawn dashed in one more row below the trace. */
  extra?: ExtraArrow | null;
  /** Hides one state label (a state question's answer) behind a "?". */
  /** Hides a state behind '?' at one row: one side's, or both for a question on both. */
  mask?: { row: number; side: Side | 'both' } | null;
  /** The event row to highlight instead of the current step's. */
  highlight?: number | null;
}

/** Text drawn over arrows keeps a rim of the background so it stays readable. */
const halo = { stroke: 'var(--surface)', strokeWidth: 4, paintOrder: 'stroke' as const };

export function SequenceDiagram({ extra = null, mask = null, highlight = null }: SequenceDiagramProps = {}) {
  const t = useTranslations('trace');
  const { view, step, id } = useTraceStep();
  const n = view.events.length;
  const rows = extra ? n + 1 : n;
  const height = sequenceDiagramHeight(rows);
  const arrows = arrowsOf(view.events);
  const current = highlight ?? step - 1;

  return (
    <div>
      <h3 id={`${id}-seq-title`} className="mb-2 text-sm font-semibold text-muted">
        {t('sequence')}
      </h3>
      <div
        tabIndex={0}
        role="group"
        aria-label={t('sequence')}
        aria-describedby={`${id}-seq-desc`}
        className="mx-auto max-w-xl rounded-lg"
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="h-auto w-full select-none font-mono"
          role="img"
          aria-labelledby={`${id}-seq-title ${id}-seq-desc`}
        >
          <desc id={`${id}-seq-desc`}>{t('sequenceDesc')}</desc>
          <defs>
            {(['A', 'B'] as const).map((side) => (
              <marker
                key={side}
                id={`${id}-head-${side}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={`var(--side-${side.toLowerCase()})`} />
              </marker>
            ))}
          </defs>

          {current >= 0 && (
            <rect x={0} y={y(current)} width={WIDTH} height={ROW} fill="var(--row-highlight)" opacity={0.7} />
          )}

          {(['A', 'B'] as const).map((side) => (
            <g key={side}>
              <text
                x={X[side]}
                y={22}
                textAnchor="middle"
                className="font-sans text-[16px] font-bold"
                fill={`var(--side-${side.toLowerCase()})`}
              >
                {t('role', { side, role: t(`roles.${view.endpoints[side].role}`) })}
              </text>
              <line
                x1={X[side]}
                y1={TOP - 18}
                x2={X[side]}
                y2={y(rows) + 12}
                stroke={`var(--side-${side.toLowerCase()})`}
                strokeWidth={2}
              />
            </g>
          ))}

          {Array.from({ length: n + 1 }, (_, row) => {
            const states = statesAt(view, row);
            const previous = row > 0 ? statesAt(view, row - 1) : null;
            return (
              <g key={row} opacity={row > step ? 0.35 : 1} className="motion-safe:transition-opacity">
                {(['A', 'B'] as const).map((side) => {
                  const label = mask && mask.row === row && (mask.side === side || mask.side === 'both') ? '?' : states[side];
                  const changed = !previous || previous[side] !== label;
                  const isNow = row === step;
                  const width = label.length * CHAR + 10;
                  const x = side === 'A' ? X.A - 10 - width : X.B + 10;
                  return (
                    <g key={side}>
                      <circle cx={X[side]} cy={y(row)} r={3} fill={`var(--side-${side.toLowerCase()})`} />
                      {isNow && (
                        <rect
                          x={x}
                          y={y(row) - 11}
                          width={width}
                          height={21}
                          rx={4}
                          fill={`var(--side-${side.toLowerCase()}-soft)`}
                          stroke={`var(--side-${side.toLowerCase()})`}
                        />
                      )}
                      <text
                        x={x + width / 2}
                        y={y(row) + 4}
                        textAnchor="middle"
                        className={`text-[12px] ${isNow ? 'font-bold' : ''}`}
                        fill={changed || isNow ? 'var(--fg)' : 'var(--muted)'}
                      >
                        {label}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}

          {view.events.map((event, i) => {
            const faded = i >= step;
            const mid = y(i) + ROW / 2;
            if (event.kind === 'app' || event.kind === 'timeout') {
              const x = X[event.at];
              const outside = event.at === 'A' ? -12 : 12;
              const label =
                event.kind === 'app'
                  ? `${event.call}()${event.len ? ` ${event.len}B` : ''}`
                  : t(`timers.${event.timer}`);
              return (
                <g key={i} opacity={faded ? 0.3 : 1} className="motion-safe:transition-opacity">
                  {event.kind === 'app' ? (
                    <rect
                      x={x - 5}
                      y={mid - 5}
                      width={10}
                      height={10}
                      transform={`rotate(45 ${x} ${mid})`}
                      fill="var(--surface)"
                      stroke="var(--fg)"
                      strokeWidth={1.5}
                    />
                  ) : (
                    <circle cx={x} cy={mid} r={6} fill="var(--surface)" stroke="var(--fg)" strokeWidth={1.5} />
                  )}
                  <text
                    x={x + outside}
                    y={mid + 4}
                    textAnchor={event.at === 'A' ? 'end' : 'start'}
                    className="font-sans text-[12px] italic"
                    fill="var(--fg)"
                  >
                    {label}
                  </text>
                </g>
              );
            }
            if (event.kind === 'expect') {
              return (
                <line
                  key={i}
                  x1={X.A}
                  x2={X.B}
                  y1={mid}
                  y2={mid}
                  stroke="var(--muted)"
                  strokeDasharray="2 4"
                  opacity={faded ? 0.3 : 0.8}
                />
              );
            }
            return null;
          })}

          {arrows.map((arrow) => (
            <SegmentArrow key={arrow.event} arrow={arrow} step={step} widgetId={id} lostLabel={t('lost')} />
          ))}

          {extra && <Extra arrow={extra} row={n} />}
        </svg>
      </div>
    </div>
  );
}

function SegmentArrow({
  arrow,
  step,
  widgetId,
  lostLabel,
}: {
  arrow: Arrow;
  step: number;
  widgetId: string;
  lostLabel: string;
}) {
  const { segment, from, to, fate } = arrow;
  const side = segment.from.toLowerCase();
  const color = `var(--side-${side})`;
  const sent = step > arrow.event;
  const arrived = step > arrow.endsAt;
  const isCurrent = step - 1 === arrow.event || step - 1 === arrow.endsAt;
  // Lost and never-delivered segments stop half way.
  const stopsAt = fate === 'delivered' ? 1 : 0.5;
  const end = { x: from.x + (to.x - from.x) * stopsAt, y: from.y + (to.y - from.y) * stopsAt };
  // While in flight, the solid part reaches the current row.
  const progress = arrived ? 1 : sent ? Math.min(1, (y(step) - from.y) / (end.y - from.y || 1)) : 0;
  const tip = { x: from.x + (end.x - from.x) * progress, y: from.y + (end.y - from.y) * progress };
  const label = { x: (from.x + end.x) / 2, y: (from.y + end.y) / 2 };
  const top = `${flagsLabel(segment.flags)}  len=${segment.len}`;
  const bottom = `seq=${segment.seq} ack=${segment.ack}`;

  return (
    <g opacity={sent ? 1 : 0.3} className="motion-safe:transition-opacity">
      <line
        x1={from.x}
        y1={from.y}
        x2={end.x}
        y2={end.y}
        stroke={color}
        strokeWidth={1.5}
        strokeDasharray={fate === 'in_flight' ? '6 4' : undefined}
        opacity={arrived || !sent ? 1 : 0.35}
        markerEnd={fate === 'delivered' ? `url(#${widgetId}-head-${segment.from})` : undefined}
      />
      {sent && !arrived && progress > 0 && (
        <line x1={from.x} y1={from.y} x2={tip.x} y2={tip.y} stroke={color} strokeWidth={3} />
      )}
      {isCurrent && arrived && (
        <line x1={from.x} y1={from.y} x2={end.x} y2={end.y} stroke={color} strokeWidth={3.5} opacity={0.9} />
      )}
      {fate === 'dropped' && (
        <g stroke="var(--danger)" strokeWidth={3} strokeLinecap="round">
          <line x1={end.x - 7} y1={end.y - 7} x2={end.x + 7} y2={end.y + 7} />
          <line x1={end.x - 7} y1={end.y + 7} x2={end.x + 7} y2={end.y - 7} />
          <text x={end.x} y={end.y + 22} textAnchor="middle" className="text-[11px]" fill="var(--danger)" {...halo}>
            {lostLabel}
          </text>
        </g>
      )}
      <text x={label.x} y={label.y - 5} textAnchor="middle" className="text-[12px] font-bold" fill={color} {...halo}>
        {top}
      </text>
      <text x={label.x} y={label.y + 9} textAnchor="middle" className="text-[11.5px]" fill="var(--fg)" {...halo}>
        {bottom}
      </text>
    </g>
  );
}

function Extra({ arrow, row }: { arrow: ExtraArrow; row: number }) {
  const color = arrow.tone === 'wrong' ? 'var(--danger)' : 'var(--muted)';
  const from = { x: X[arrow.from], y: y(row) };
  const to = { x: X[other(arrow.from)], y: y(row + 1) };
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const d = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const head = [
    [to.x, to.y],
    [to.x - 11 * d.x - 5 * d.y, to.y - 11 * d.y + 5 * d.x],
    [to.x - 11 * d.x + 5 * d.y, to.y - 11 * d.y - 5 * d.x],
  ]
    .map((p) => p.join(','))
    .join(' ');
  return (
    <g data-testid={`extra-arrow-${arrow.tone}`}>
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke={color} strokeWidth={2} strokeDasharray="7 5" />
      <polygon points={head} fill={color} />
      <text x={mid.x} y={mid.y - 18} textAnchor="middle" className="font-sans text-[12px] font-bold" fill={color} {...halo}>
        {arrow.label}
      </text>
      {arrow.segment ? (
        <>
          <text x={mid.x} y={mid.y - 4} textAnchor="middle" className="text-[12px] font-bold" fill={color} {...halo}>
            {`${flagsLabel(arrow.segment.flags) || '—'}  len=${arrow.segment.len}`}
          </text>
          <text x={mid.x} y={mid.y + 10} textAnchor="middle" className="text-[11.5px]" fill="var(--fg)" {...halo}>
            {`seq=${arrow.segment.seq} ack=${arrow.segment.ack}`}
          </text>
        </>
      ) : (
        <text x={mid.x} y={mid.y + 6} textAnchor="middle" className="text-[18px] font-bold" fill={color} {...halo}>
          ?
        </text>
      )}
    </g>
  );
}
