// Public helpers for segments as the trace format writes them: flag sets in the order people
// write them, and the segment an event carries. Pure.
import type { Flag, ResolvedEvent, Segment, TraceEvent } from './types';

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

/**
 * A flag set as a learner reads it everywhere (diagrams, tables, prompts, narration, exports):
 * "SYN, ACK", in the order people write flags; "" for none, which each caller words in its own
 * language. The one flag formatter. Pure.
 */
export function flagsText(flags: Iterable<Flag>): string {
  return canonicalFlags(flags).join(', ');
}

/**
 * The segment an event is about, if any: a trace event's own (a send or a shorthand segment), or,
 * for a resolved event (a trace view's), also the one a deliver or drop names. Pure.
 */
export function segmentOf(e: TraceEvent | ResolvedEvent | undefined): Segment | null {
  if (!e) return null;
  if ('kind' in e) return 'segment' in e ? e.segment : null;
  if ('send' in e) return e.send;
  if ('from' in e) return e;
  return null;
}
