// Pure helpers to show quiz answers and segments as text.
import type { Flag, Segment, TraceEvent } from '@/lib/engine/types';

const FLAG_ORDER: readonly Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export function flagsText(flags: readonly Flag[]): string {
  return [...flags].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b)).join(', ');
}

export function segmentText(s: Pick<Segment, 'flags' | 'seq' | 'ack' | 'len'>, none = '—'): string {
  return `${flagsText(s.flags) || none}  seq=${s.seq} ack=${s.ack} len=${s.len}`;
}

/** The segment an event of a trace carries (a send or a shorthand segment), if any. Pure. */
export function segmentAt(events: readonly TraceEvent[], index: number): Segment | null {
  const e = events[index];
  if (!e) return null;
  if ('send' in e) return e.send;
  if ('from' in e) return e;
  return null;
}

/** How many events to show to reveal the segment at `index`: with its delivery when it comes next. */
export function revealEnd(events: readonly TraceEvent[], index: number): number {
  const e = events[index];
  const next = events[index + 1];
  if (e && 'send' in e && next && 'deliver' in next && next.deliver === e.id) return index + 2;
  return index + 1;
}
