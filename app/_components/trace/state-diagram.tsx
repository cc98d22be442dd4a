'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { TraceView } from '@/lib/engine/trace-view';
import type { Side, TcpState } from '@/lib/engine/types';
import { ScrollArea } from '@/app/_components/ui/scroll-area';
import { statesAt, useTraceStep } from './trace-context';

// RFC 9293 figure 5, laid out by hand on a grid; CLOSED appears twice, as in the figure.
const W = 760;
const H = 712;
/** Drawn at its natural size (11 px labels) at the least, so on a phone it scrolls, and ScrollArea shows it does. */
const SIZE = 'mx-auto w-full min-w-[760px] max-w-3xl';
const HALF_W = 66;
const HALF_H = 18;

export type NodeId = TcpState | 'CLOSED_END';
const NODES: Record<NodeId, { x: number; y: number; state: TcpState }> = {
  CLOSED: { x: 380, y: 40, state: 'CLOSED' },
  LISTEN: { x: 380, y: 150, state: 'LISTEN' },
  SYN_RECEIVED: { x: 96, y: 260, state: 'SYN_RECEIVED' },
  SYN_SENT: { x: 664, y: 260, state: 'SYN_SENT' },
  ESTABLISHED: { x: 380, y: 370, state: 'ESTABLISHED' },
  FIN_WAIT_1: { x: 96, y: 470, state: 'FIN_WAIT_1' },
  CLOSE_WAIT: { x: 664, y: 470, state: 'CLOSE_WAIT' },
  FIN_WAIT_2: { x: 96, y: 570, state: 'FIN_WAIT_2' },
  CLOSING: { x: 380, y: 570, state: 'CLOSING' },
  LAST_ACK: { x: 664, y: 570, state: 'LAST_ACK' },
  TIME_WAIT: { x: 380, y: 670, state: 'TIME_WAIT' },
  CLOSED_END: { x: 664, y: 670, state: 'CLOSED' },
};

type TransitionKey =
  | 'passiveOpen' | 'closeDelete' | 'activeOpen' | 'rcvSynListen' | 'sendSyn' | 'rcvSynSent' | 'rcvRst'
  | 'rcvAckOfSyn' | 'rcvSynAck' | 'closeSndFin' | 'rcvFinSndAck' | 'rcvAckOfFin' | 'timeout2msl';

interface Edge {
  from: NodeId;
  to: NodeId;
  label: TransitionKey;
  points: [number, number][];
  at: [number, number];
  anchor: 'start' | 'middle' | 'end';
}

const EDGES: Edge[] = [
  { from: 'CLOSED', to: 'LISTEN', label: 'passiveOpen', points: [[366, 58], [366, 132]], at: [358, 99], anchor: 'end' },
  { from: 'LISTEN', to: 'CLOSED', label: 'closeDelete', points: [[394, 132], [394, 58]], at: [402, 99], anchor: 'start' },
  { from: 'CLOSED', to: 'SYN_SENT', label: 'activeOpen', points: [[446, 32], [694, 32], [694, 242]], at: [570, 24], anchor: 'middle' },
  { from: 'SYN_SENT', to: 'CLOSED', label: 'closeDelete', points: [[650, 242], [650, 50], [446, 50]], at: [548, 68], anchor: 'middle' },
  { from: 'LISTEN', to: 'SYN_RECEIVED', label: 'rcvSynListen', points: [[314, 162], [150, 242]], at: [262, 214], anchor: 'middle' },
  { from: 'SYN_RECEIVED', to: 'LISTEN', label: 'rcvRst', points: [[110, 242], [314, 142]], at: [186, 180], anchor: 'end' },
  { from: 'LISTEN', to: 'SYN_SENT', label: 'sendSyn', points: [[446, 162], [620, 242]], at: [548, 192], anchor: 'start' },
  { from: 'SYN_SENT', to: 'SYN_RECEIVED', label: 'rcvSynSent', points: [[598, 260], [162, 260]], at: [380, 252], anchor: 'middle' },
  { from: 'SYN_RECEIVED', to: 'ESTABLISHED', label: 'rcvAckOfSyn', points: [[140, 278], [314, 360]], at: [200, 334], anchor: 'end' },
  { from: 'SYN_SENT', to: 'ESTABLISHED', label: 'rcvSynAck', points: [[620, 278], [446, 360]], at: [560, 334], anchor: 'start' },
  { from: 'SYN_RECEIVED', to: 'FIN_WAIT_1', label: 'closeSndFin', points: [[72, 278], [72, 452]], at: [80, 372], anchor: 'start' },
  { from: 'ESTABLISHED', to: 'FIN_WAIT_1', label: 'closeSndFin', points: [[314, 382], [150, 452]], at: [262, 436], anchor: 'start' },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', label: 'rcvFinSndAck', points: [[446, 382], [610, 452]], at: [498, 436], anchor: 'end' },
  { from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', label: 'rcvAckOfFin', points: [[96, 488], [96, 552]], at: [104, 524], anchor: 'start' },
  { from: 'FIN_WAIT_1', to: 'CLOSING', label: 'rcvFinSndAck', points: [[162, 482], [330, 552]], at: [236, 496], anchor: 'start' },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', label: 'closeSndFin', points: [[664, 488], [664, 552]], at: [656, 524], anchor: 'end' },
  { from: 'FIN_WAIT_2', to: 'TIME_WAIT', label: 'rcvFinSndAck', points: [[96, 588], [96, 670], [314, 670]], at: [204, 662], anchor: 'middle' },
  { from: 'CLOSING', to: 'TIME_WAIT', label: 'rcvAckOfFin', points: [[380, 588], [380, 652]], at: [388, 624], anchor: 'start' },
  { from: 'LAST_ACK', to: 'CLOSED_END', label: 'rcvAckOfFin', points: [[664, 588], [664, 652]], at: [656, 624], anchor: 'end' },
  { from: 'TIME_WAIT', to: 'CLOSED_END', label: 'timeout2msl', points: [[446, 670], [598, 670]], at: [522, 696], anchor: 'middle' },
];

const SIDE_COLOR: Record<Side, string> = { A: 'var(--side-a)', B: 'var(--side-b)' };

const OPENING: readonly TcpState[] = ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED'];

/**
 * The box each side is drawn in at a step: its state's, except that CLOSED has two boxes, as in
 * the figure. A side that has not yet been synchronized is in the top one (where it starts, or
 * back after a refused or abandoned open); one that has been is in the one at the end. Pure.
 */
export function stateBoxes(view: TraceView, step: number): Record<Side, NodeId> {
  const box = (side: Side): NodeId => {
    const now = statesAt(view, step)[side];
    if (now !== 'CLOSED') return now;
    const synchronized = view.steps.slice(0, step).some((s) => !OPENING.includes(s.states[side]));
    return synchronized ? 'CLOSED_END' : 'CLOSED';
  };
  return { A: box('A'), B: box('B') };
}

/** `drawn` false (before hydration) keeps the diagram's exact room with nothing in it. */
export function StateDiagram({ drawn = true }: { drawn?: boolean }) {
  const t = useTranslations('trace');
  const { view, step, id } = useTraceStep();
  const states = statesAt(view, step);
  const boxes = stateBoxes(view, step);
  // Each side is marked once: both letters on one box when they share it.
  const sidesIn = (node: NodeId) => (['A', 'B'] as const).filter((side) => boxes[side] === node);
  const scroller = useRef<HTMLDivElement>(null);

  // On a phone the diagram is wider than the screen: keep the current states in view as it steps.
  useEffect(() => {
    const box = scroller.current;
    if (!box || box.scrollWidth <= box.clientWidth) return;
    const centre = (NODES[boxes.A].x + NODES[boxes.B].x) / 2;
    box.scrollLeft = (centre / W) * box.scrollWidth - box.clientWidth / 2;
  }, [boxes.A, boxes.B, drawn]);

  return (
    <div>
      <h3 id={`${id}-state-title`} className="mb-2 text-sm font-semibold text-muted">
        {t('stateDiagram')}
      </h3>
      {/* The legend's words are the narration's first step, which is already in the markup: before
          hydration only its line's room (one line of text-sm, the badges' height). */}
      {drawn ? <StateLegend states={states} /> : <p aria-hidden="true" className="mb-2 h-5" />}
      {!drawn ? (
        // Its room only (ScrollArea's box, scroll bar and all), with nothing to focus until it is drawn.
        <div aria-hidden="true" className="overflow-x-auto rounded-lg">
          <div className={SIZE} style={{ aspectRatio: `${W} / ${H}` }} />
        </div>
      ) : (
      <ScrollArea label={t('stateDiagram')} className="rounded-lg" testId="state-diagram-scroll" boxRef={scroller}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className={`${SIZE} h-auto select-none`}
          role="img"
          aria-labelledby={`${id}-state-title ${id}-state-desc`}
        >
          <desc id={`${id}-state-desc`}>
            {t('stateDesc')} A: {states.A}, B: {states.B}.
          </desc>
          <defs>
            <marker
              id={`${id}-state-head`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="var(--muted)" />
            </marker>
          </defs>
          {EDGES.map((edge, index) => (
            <g key={index}>
              <polyline
                points={edge.points.map((p) => p.join(',')).join(' ')}
                fill="none"
                stroke="var(--muted)"
                strokeWidth={1.3}
                markerEnd={`url(#${id}-state-head)`}
              />
              <text
                x={edge.at[0]}
                y={edge.at[1]}
                textAnchor={edge.anchor}
                className="text-[11px]"
                fill="var(--fg)"
                stroke="var(--surface)"
                strokeWidth={4}
                paintOrder="stroke"
              >
                {t(`transitions.${edge.label}`)}
              </text>
            </g>
          ))}
          {(Object.keys(NODES) as NodeId[]).map((key) => {
            const node = NODES[key];
            const here = sidesIn(key);
            const only = here.length === 1 ? here[0] : undefined;
            return (
              <g key={key} data-state={node.state} data-current={here.join('') || undefined}>
                <rect
                  x={node.x - HALF_W}
                  y={node.y - HALF_H}
                  width={HALF_W * 2}
                  height={HALF_H * 2}
                  rx={6}
                  fill={only ? `var(--side-${only.toLowerCase()}-soft)` : here.length ? 'var(--row-highlight)' : 'var(--surface)'}
                  stroke={only ? SIDE_COLOR[only] : here.length ? 'var(--fg)' : 'var(--border)'}
                  strokeWidth={here.length ? 3 : 1.5}
                />
                <text
                  x={node.x}
                  y={node.y + 4.5}
                  textAnchor="middle"
                  className={`font-mono text-[12.5px] ${here.length ? 'font-bold' : ''}`}
                  fill="var(--fg)"
                >
                  {node.state}
                </text>
                {here.map((side) => (
                  <g key={side}>
                    <circle
                      cx={side === 'A' ? node.x - HALF_W : node.x + HALF_W}
                      cy={node.y - HALF_H}
                      r={10}
                      fill={SIDE_COLOR[side]}
                      stroke="var(--surface)"
                      strokeWidth={2}
                    />
                    <text
                      x={side === 'A' ? node.x - HALF_W : node.x + HALF_W}
                      y={node.y - HALF_H + 4}
                      textAnchor="middle"
                      className="text-[12px] font-bold"
                      fill="var(--bg)"
                    >
                      {side}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </ScrollArea>
      )}
    </div>
  );
}

/** Each side's letter, in its colour, with its state at this step. */
function StateLegend({ states }: { states: Record<Side, TcpState> }) {
  return (
    <p className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="state-legend">
      {(['A', 'B'] as const).map((side) => (
        <span key={side} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-flex size-5 items-center justify-center rounded-full text-xs font-bold text-bg"
            style={{ background: SIDE_COLOR[side] }}
          >
            {side}
          </span>
          <span>
            {side}: <strong className="font-mono">{states[side]}</strong>
          </span>
        </span>
      ))}
    </p>
  );
}
