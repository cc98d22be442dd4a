// Public helpers for segments as the trace format writes them: flag sets in the order people
// write them, and the segment an event carries. Pure.
import type { Flag, Segment, TraceEvent } from './types';

/** The order people write flags in: "SYN,ACK", "FIN,ACK", "PSH,ACK". */
const DISPLAY_ORDER: readonly Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export function canonicalFlags(flags: Iterable<Flag>): Flag[] {
  const set = new Set(flags);
  return DISPLAY_ORDER.filter((f) => set.has(f));
}

export function withFlag(flags: readonly Flag[], flag: Flag, on: boolean): Flag[] {
  const set = new Set(flags);
  if (on) set.add(flag);
  else set.delete(flag);
  return canonicalFlags(set);
}

export function flagsLabel(flags: readonly Flag[]): string {
  return flags.length === 0 ? '(none)' : canonicalFlags(flags).join(',');
}

/** The segment a trace event carries (a send or a shorthand segment), if any. */
export function segmentOf(e: TraceEvent | undefined): Segment | null {
  if (!e) return null;
  if ('send' in e) return e.send;
  if ('from' in e) return e;
  return null;
}
