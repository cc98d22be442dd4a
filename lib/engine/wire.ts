// A segment as the engine handles it: flags as booleans, numbers as Seq.
import { seq, segmentSpan, type Seq } from './seq';
import type { Flag, Segment, Side, TraceEvent } from './types';

export interface Wire {
  from: Side;
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  psh: boolean;
  seq: Seq;
  ackNo: Seq;
  len: number;
  flags: Flag[];
}

export function toWire(s: Segment): Wire {
  const f = s.flags;
  return {
    from: s.from,
    syn: f.includes('SYN'),
    ack: f.includes('ACK'),
    fin: f.includes('FIN'),
    rst: f.includes('RST'),
    psh: f.includes('PSH'),
    seq: seq(s.seq),
    ackNo: seq(s.ack),
    len: s.len,
    flags: s.flags,
  };
}

/** SEG.LEN: data plus one for SYN and one for FIN. */
export function wireSpan(w: Wire): number {
  return segmentSpan(w, w.len);
}

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
