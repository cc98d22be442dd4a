// The same connection with fresh initial sequence numbers: every seq and ack of one side's
// sequence space moved by the same offset (mod 2^32), so its shape, and every rule it follows
// or breaks, stays as it was. A class gets a variant per student from one capture. Pure.
import { otherSide, seededRandom, type Segment, type Side, type Trace, type TraceEvent } from '../engine/index';

export function renumberTrace<T extends Trace>(trace: T, seed: number): T {
  const rng = seededRandom(seed);
  const shift: Record<Side, number> = { A: rng.int(1, 0xffff_ffff), B: rng.int(1, 0xffff_ffff) };
  const move = (s: Segment): Segment => {
    const other = otherSide(s.from);
    return { ...s, seq: (s.seq + shift[s.from]) >>> 0, ack: s.flags.includes('ACK') ? (s.ack + shift[other]) >>> 0 : 0 };
  };
  const events = trace.events.map((e): TraceEvent => ('send' in e ? { ...e, send: move(e.send) } : 'from' in e ? move(e) : e));
  return { ...trace, events };
}
