// A captured connection as a trace (the `from-pcap` row of the trace format). A is the endpoint
// that sent the first SYN (else the first packet's sender). Every packet is a `send`; its
// `deliver` is placed so that a capture of a conforming connection replays valid: the receiver
// gets a segment just before it first acknowledges it, so each acknowledgement it sends counts
// exactly the bytes it had. Segments arrive in the order they were sent (a pure ACK waits behind
// data still on its way), and what is never acknowledged arrives after the last packet. What the
// capture shows was lost is a `drop`: a segment its sender repeats before any acknowledgement,
// and an ACK the receiver answers by resending what it acknowledged. Pure.
import { canonicalFlags, seq, seqGe, seqLt, type EndpointSpec, type Flag, type Segment, type Side, type Trace, type TraceEvent } from '../engine/index';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, type CapturedConnection, type CapturedSegment } from './connections';

export interface CaptureEndpoint extends EndpointSpec {
  /** "ip:port" as the capture shows it. */
  address: string;
}

/** A trace read from a capture: the format's fields, plus where each packet came from. */
export interface CaptureTrace extends Trace {
  endpoints: Record<Side, CaptureEndpoint>;
  source: {
    /** The packet number (as Wireshark counts) and time of each `send`, in order. */
    frames: number[];
    /** Seconds since the capture's first packet. */
    times: number[];
  };
}

const FLAG_BITS: [number, Flag][] = [
  [TCP_SYN, 'SYN'],
  [TCP_ACK, 'ACK'],
  [TCP_FIN, 'FIN'],
  [TCP_RST, 'RST'],
  [TCP_PSH, 'PSH'],
];

export function flagsOf(bits: number): Flag[] {
  return canonicalFlags(FLAG_BITS.filter(([bit]) => bits & bit).map(([, flag]) => flag));
}

/** The sequence space a segment takes: its bytes, plus one for a SYN and one for a FIN. */
function span(s: CapturedSegment): number {
  return s.len + (s.flags & TCP_SYN ? 1 : 0) + (s.flags & TCP_FIN ? 1 : 0);
}

export function connectionTrace(conn: CapturedConnection, captureStart: number): CaptureTrace {
  const firstSyn = conn.segments.find((s) => s.flags & TCP_SYN);
  const aDir = firstSyn?.dir ?? 0;
  const bDir = aDir === 0 ? 1 : 0;
  const sideOf = (dir: 0 | 1): Side => (dir === aDir ? 'A' : 'B');
  const trace: CaptureTrace = {
    name: `connection-${conn.index + 1}`,
    description: `${conn.ends[aDir]} ↔ ${conn.ends[bDir]}, packets ${conn.segments[0]?.frame}–${conn.segments.at(-1)?.frame}`,
    endpoints: roles(conn, aDir, bDir),
    events: placeDeliveries(conn.segments, sideOf),
    source: { frames: conn.segments.map((s) => s.frame), times: conn.segments.map((s) => Math.round((s.time - captureStart) * 1e6) / 1e6) },
  };
  return trace;
}

function roles(conn: CapturedConnection, aDir: 0 | 1, bDir: 0 | 1): Record<Side, CaptureEndpoint> {
  const from = (dir: 0 | 1) => conn.segments.filter((s) => s.dir === dir);
  const isSyn = (s: CapturedSegment) => (s.flags & (TCP_SYN | TCP_ACK)) === TCP_SYN;
  const aSegs = from(aDir);
  const bSegs = from(bDir);
  const address = { A: conn.ends[aDir], B: conn.ends[bDir] };
  const firstA = aSegs.find((s) => s.flags & TCP_SYN);
  if (firstA === undefined) {
    return { A: { role: 'client', address: address.A }, B: { role: 'server', address: address.B } };
  }
  if (!isSyn(firstA)) return { A: { role: 'server', address: address.A }, B: { role: 'client', address: address.B } };
  // A simultaneous open: each side sent a SYN of its own before acknowledging the other's.
  if (bSegs.some(isSyn)) return { A: { role: 'peer', address: address.A }, B: { role: 'peer', address: address.B } };
  // A server that only ever answers with a RST had nothing listening.
  const refused = !bSegs.some((s) => s.flags & TCP_SYN) && bSegs.some((s) => s.flags & TCP_RST);
  return { A: { role: 'client', address: address.A }, B: refused ? { role: 'server', initial: 'CLOSED', address: address.B } : { role: 'server', address: address.B } };
}

interface InFlight {
  id: string;
  seq: number;
  flags: number;
  ack: number;
  /** The sequence number just after the segment; null when it takes no sequence space. */
  end: number | null;
}

/** A segment the sender repeats (same seq and flags) before the receiver acknowledged it was lost. */
function repeats(s: CapturedSegment, f: InFlight): boolean {
  return f.end !== null && f.seq === s.seq && (f.flags & ~TCP_PSH) === (s.flags & ~TCP_PSH);
}

/**
 * The receiver's next segment resends sequence space this acknowledgement covers: the ACK never
 * arrived (a keep-alive probe, one byte at ack - 1, is no such evidence).
 */
function ackLost(s: CapturedSegment, next: CapturedSegment | undefined): boolean {
  if (next === undefined || !(s.flags & TCP_ACK) || span(next) === 0) return false;
  const probe = next.len === 1 && !(next.flags & (TCP_SYN | TCP_FIN)) && next.seq === (s.ack - 1) >>> 0;
  return !probe && seqLt(seq(next.seq), seq(s.ack));
}

/** For each segment, the index of the next one the other side sends (-1 when there is none). */
function nextFromOtherSide(segments: CapturedSegment[]): number[] {
  const next = new Array<number>(segments.length);
  const last: [number, number] = [-1, -1];
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] as CapturedSegment;
    next[i] = last[s.dir === 0 ? 1 : 0];
    last[s.dir] = i;
  }
  return next;
}

function placeDeliveries(segments: CapturedSegment[], sideOf: (dir: 0 | 1) => Side): TraceEvent[] {
  const events: TraceEvent[] = [];
  const queues: [InFlight[], InFlight[]] = [[], []];
  const replyTo = nextFromOtherSide(segments);
  segments.forEach((s, index) => {
    const id = String(s.frame);
    const other = queues[s.dir === 0 ? 1 : 0];
    const own = queues[s.dir];
    if (s.flags & TCP_ACK) {
      // The receiver has had everything up to the segment that brings it to exactly this ack
      // (or, failing one, the last this ack covers); later repeats of it may still be on the way.
      let upTo = other.findIndex((f) => f.end === s.ack);
      if (upTo < 0) other.forEach((f, i) => f.end !== null && seqGe(seq(s.ack), seq(f.end)) && (upTo = i));
      for (const f of other.splice(0, upTo + 1)) events.push({ deliver: f.id });
      // A retransmission sent after later data fills the gap that data left: it is queued behind
      // it, yet a cumulative ACK past both needs it delivered too (held data, then the hole filled).
      for (let i = 0; i < other.length; ) {
        const f = other[i] as InFlight;
        if (f.end !== null && !(f.flags & (TCP_SYN | TCP_FIN)) && seqGe(seq(s.ack), seq(f.end))) {
          events.push({ deliver: f.id });
          other.splice(i, 1);
        } else i++;
      }
    }
    // A RST without ACK answers a segment whose ack is its seq (RFC 9293 3.10.7.1, 3.10.7.3:
    // <SEQ=SEG.ACK><CTL=RST>): that segment, and what was sent before it, has arrived.
    if ((s.flags & (TCP_RST | TCP_ACK)) === TCP_RST) {
      const answered = other.findIndex((f) => (f.flags & TCP_ACK) !== 0 && f.ack === s.seq);
      for (const f of other.splice(0, answered + 1)) events.push({ deliver: f.id });
    }
    const lost = own.findIndex((f) => repeats(s, f));
    if (lost >= 0) events.push({ drop: (own.splice(lost, 1)[0] as InFlight).id });
    const segment: Segment = { from: sideOf(s.dir), flags: flagsOf(s.flags), seq: s.seq, ack: s.flags & TCP_ACK ? s.ack : 0, len: s.len };
    events.push({ send: segment, id });
    const n = span(s);
    if (n === 0 && own.length === 0) {
      events.push(ackLost(s, segments[replyTo[index] as number]) ? { drop: id } : { deliver: id });
    } else own.push({ id, seq: s.seq, flags: s.flags, ack: s.ack, end: n === 0 ? null : (s.seq + n) >>> 0 });
  });
  // Never acknowledged: it arrives after the capture's last packet, in the order it was sent.
  const rest = [...queues[0], ...queues[1]].sort((x, y) => Number(x.id) - Number(y.id));
  for (const f of rest) events.push({ deliver: f.id });
  return events;
}
