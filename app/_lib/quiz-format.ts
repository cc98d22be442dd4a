// Pure helpers to show quiz answers and segments as text.
import { flagsText, type Segment, type TraceEvent } from '@/lib/engine';

/** `seqText` replaces the number where any is right ("any ISN"). */
export function segmentText(s: Pick<Segment, 'flags' | 'seq' | 'ack' | 'len'>, none = '—', seqText?: string): string {
  return `${flagsText(s.flags) || none}  seq=${seqText ?? s.seq} ack=${s.ack} len=${s.len}`;
}

/** How many events to show to reveal the segment at `index`: with its delivery when it comes next. */
export function revealEnd(events: readonly TraceEvent[], index: number): number {
  const e = events[index];
  const next = events[index + 1];
  if (e && 'send' in e && next && 'deliver' in next && next.deliver === e.id) return index + 2;
  return index + 1;
}

