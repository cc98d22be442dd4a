// A segment as the engine handles it: flags as booleans, numbers as Seq.
import { seq, segmentSpan, type Seq } from '../seq';
import type { Flag, Segment, Side } from '../types';

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
