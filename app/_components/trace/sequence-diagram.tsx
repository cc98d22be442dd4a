'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ResolvedEvent, Side } from '@/lib/engine/types';
import { statesAt, useTraceStep } from './trace-context';
import {
  extraEnds,
  firstBaseline,
  layoutSequence,
  rowY,
  SEQUENCE_DEFAULT_WIDTH,
  SEQUENCE_TOP as TOP,
  sequenceDiagramHeight,
  sequenceGeometry,
  stopOf,
  type Arrow,
  type ExtraArrow,
  type PlacedLabel,
  type SequenceGeometry,
  type SequenceLayout,
} from './sequence-layout';

export type { ExtraArrow } from './sequence-layout';

/** The width the diagram's box offers, measured (and followed) in the browser. */
function useAvailableWidth(): [RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(SEQUENCE_DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width];
}

export interface SequenceDiagramProps {
  /** Drawn dashed in one more row below the trace. */
  extra?: ExtraArrow | null;
  /** Hides a state behind '?' at one row: one side's, or both for a question on both. */
  mask?: { row: number; side: Side | 'both' } | null;
  /** The event row to highlight instead of the current step's. */
  highlight?: number | null;
  /** False before hydration: the diagram's exact room, with nothing drawn in it yet. */
  drawn?: boolean;
}

/**
 * Layouts of a trace without a question's arrow, by width and the word for "lost". A lesson's
 * views are parsed once on the server (LessonTrace), so every request after the first reuses
 * them: the layout is needed even before hydration, for the room the diagram keeps.
 */
const layouts = new WeakMap<ResolvedEvent[], Map<string, SequenceLayout>>();
function layoutOf(events: ResolvedEvent[], extra: ExtraArrow | null, lostWord: string, available: number): SequenceLayout {
  if (extra) return layoutSequence(events, extra, lostWord, sequenceGeometry(available));
  let byKey = layouts.get(events);
  if (!byKey) {
    byKey = new Map();
    layouts.set(events, byKey);
  }
  const key = `${available} ${lostWord}`;
  let layout = byKey.get(key);
  if (!layout) {
    layout = layoutSequence(events, null, lostWord, sequenceGeometry(available));
    byKey.set(key, layout);
  }
  return layout;
}

/** Text drawn over arrows keeps a rim of the background so it stays readable. */
const halo = { stroke: 'var(--surface)', strokeWidth: 4, paintOrder: 'stroke' as const };

export function SequenceDiagram({ extra = null, mask = null, highlight = null, drawn = true }: SequenceDiagramProps = {}) {
  const t = useTranslations('trace');
  const { view, step, id } = useTraceStep();
  const n = view.events.length;
  const rows = extra ? n + 1 : n;
  const [box, available] = useAvailableWidth();
  const current = highlight ?? step - 1;
  const lostWord = t('lost');
  // Every label is placed before anything is drawn, so crossing arrows' labels are kept apart
  // and all labels are painted over all lines.
  const { g, arrows, labels } = layoutOf(view.events, extra, lostWord, available);
  const X = g.x;
  const WIDTH = g.width;
  const ROW = g.row;
  const y = (row: number) => rowY(row, g);
  const height = sequenceDiagramHeight(rows, g);

  return (
    <div>
      <h3 id={`${id}-seq-title`} className="mb-2 text-sm font-semibold text-muted">
        {t('sequence')}
      </h3>
      <div
        // A group to scroll with the keyboard once drawn; before, an empty room (no desc to point at).
        {...(drawn ? { tabIndex: 0, role: 'group', 'aria-label': t('sequence'), 'aria-describedby': `${id}-seq-desc` } : {})}
        ref={box}
        className="mx-auto max-w-xl overflow-x-auto rounded-lg"
      >
        {!drawn ? (
          <div aria-hidden="true" style={{ height }} />
        ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          style={{ fontSize: g.font }}
          className="mx-auto block select-none font-mono"
          role="img"
          aria-labelledby={`${id}-seq-title ${id}-seq-desc`}
          data-testid="sequence-svg"
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
                className="font-sans text-[15px] font-bold"
                fill={`var(--side-${side.toLowerCase()})`}
              >
                {t('role', { side, role: t(`roles.${view.endpoints[side].role}`) })}
              </text>
              <line
                data-testid={`lifeline-${side}`}
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
                  const width = label.length * g.char + 10;
                  const x = side === 'A' ? X.A - 10 - width : X.B + 10;
                  return (
                    <g key={side} data-testid="state-label">
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
                        className={isNow ? 'font-bold' : ''}
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
                    className="font-sans italic"
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
            <SegmentArrow key={arrow.event} arrow={arrow} step={step} widgetId={id} lostLabel={lostWord} g={g} />
          ))}
          {extra && <Extra arrow={extra} row={n} label={labels[arrows.length] as PlacedLabel} g={g} />}

          {arrows.map((arrow, i) => (
            <SegmentLabel
              key={arrow.event}
              g={g}
              label={labels[i] as PlacedLabel}
              color={`var(--side-${arrow.segment.from.toLowerCase()})`}
              faded={step <= arrow.event}
            />
          ))}
        </svg>
        )}
      </div>
    </div>
  );
}

/**
 * A label on an opaque pill drawn after every line, so no arrow runs through its text. The
 * pill stays opaque while the text fades for a segment not sent yet.
 */
function SegmentLabel({
  label,
  g,
  color,
  faded = false,
  heading = false,
}: {
  label: PlacedLabel;
  g: SequenceGeometry;
  color: string;
  faded?: boolean;
  /** The first line is a sans-serif heading (a question arrow's "your answer"). */
  heading?: boolean;
}) {
  const { box, lines } = label;
  const bold = heading ? 2 : 1;
  return (
    <g data-testid="segment-label">
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={5} fill="var(--surface)" stroke={color} strokeOpacity={0.55} />
      <g opacity={faded ? 0.35 : 1} className="motion-safe:transition-opacity">
        {lines.map((line, i) => (
          <text
            key={i}
            x={box.x + box.width / 2}
            y={box.y + firstBaseline(g) + g.line * i}
            textAnchor="middle"
            className={`${heading && i === 0 ? 'font-sans ' : ''}${i < bold ? 'font-bold' : ''}`}
            fill={i < bold ? color : 'var(--fg)'}
          >
            {line}
          </text>
        ))}
      </g>
    </g>
  );
}

function SegmentArrow({
  arrow,
  step,
  widgetId,
  lostLabel,
  g,
}: {
  arrow: Arrow;
  step: number;
  widgetId: string;
  lostLabel: string;
  g: SequenceGeometry;
}) {
  const { segment, from, fate } = arrow;
  const side = segment.from.toLowerCase();
  const color = `var(--side-${side})`;
  const sent = step > arrow.event;
  const arrived = step > arrow.endsAt;
  const isCurrent = step - 1 === arrow.event || step - 1 === arrow.endsAt;
  const end = stopOf(arrow);
  // While in flight, the solid part reaches the current row.
  const progress = arrived ? 1 : sent ? Math.min(1, (rowY(step, g) - from.y) / (end.y - from.y || 1)) : 0;
  const tip = { x: from.x + (end.x - from.x) * progress, y: from.y + (end.y - from.y) * progress };

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
          <text x={end.x} y={end.y + 22} textAnchor="middle" fill="var(--danger)" {...halo}>
            {lostLabel}
          </text>
        </g>
      )}
    </g>
  );
}

/** A question's dashed arrow with its label, drawn after the trace's lines and before their labels. */
function Extra({ arrow, row, label, g }: { arrow: ExtraArrow; row: number; label: PlacedLabel; g: SequenceGeometry }) {
  const color = arrow.tone === 'wrong' ? 'var(--danger)' : 'var(--muted)';
  const { from, to } = extraEnds(arrow, row, g);
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
      <SegmentLabel label={label} g={g} color={color} heading />
    </g>
  );
}
