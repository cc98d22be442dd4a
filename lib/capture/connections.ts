// Packets to connections: by 4-tuple, in order of each connection's first packet. A SYN
// (without ACK) whose sequence number differs from the first one seen in its direction starts a
// new connection on the same 4-tuple, as tshark splits its streams (a port reused); so does any
// SYN after the connection closed (FIN both ways, or RST), even one that reuses the old ISN.
// Unlike tshark, the answer to the replaced connection's SYN that arrives after the new SYN (a
// SYN,ACK or RST acknowledging the old ISN, RFC 9293 figure 8's old duplicate) and the RST that
// refuses it stay with the old connection, so each replays as the exchange it was.
// A connection is handed on once it cannot grow any more (replaced by a newer one, or closed and
// silent for a long stretch of the capture), and always in order of first packet, so a long
// capture of short connections is never held whole. Pure.
import { endpointText } from './address';
import type { TcpPacket } from './decode';

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

/** One captured segment of a connection; `dir` 0 is the sender of the connection's first packet. */
export interface CapturedSegment {
  dir: 0 | 1;
  flags: number;
  seq: number;
  ack: number;
  len: number;
  frame: number;
  time: number;
}

export interface CapturedConnection {
  /** 0-based, in order of first packet (tshark's tcp.stream). */
  index: number;
  /** The endpoints as "ip:port": [sender of the first packet, the other]. */
  ends: [string, string];
  segments: CapturedSegment[];
}

/** Numbers kept per segment in a SegmentLog, in CapturedSegment's field order. */
const STRIDE = 7;

/**
 * A waiting connection's segments, packed in one growing Float64Array (every field is a number
 * a double holds exactly) until it is handed on. Why not an array of objects: thousands of
 * connections wait at once (until they are over, and in order of first packet), so their
 * segments outlive many young-generation collections; as objects they would be copied and
 * promoted one by one and V8 would grow its heap with the capture. One buffer per connection
 * keeps the heap flat.
 */
class SegmentLog {
  private data = new Float64Array(STRIDE * 4);
  private count = 0;

  push(s: CapturedSegment): void {
    if ((this.count + 1) * STRIDE > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const d = this.data;
    const o = this.count++ * STRIDE;
    d[o] = s.dir;
    d[o + 1] = s.flags;
    d[o + 2] = s.seq;
    d[o + 3] = s.ack;
    d[o + 4] = s.len;
    d[o + 5] = s.frame;
    d[o + 6] = s.time;
  }

  toArray(): CapturedSegment[] {
    const d = this.data;
    const out: CapturedSegment[] = [];
    for (let o = 0; o < this.count * STRIDE; o += STRIDE) {
      out.push({ dir: d[o] as 0 | 1, flags: d[o + 1] as number, seq: d[o + 2] as number, ack: d[o + 3] as number, len: d[o + 4] as number, frame: d[o + 5] as number, time: d[o + 6] as number });
    }
    return out;
  }
}

interface Open {
  index: number;
  ends: [string, string];
  segments: SegmentLog;
  key: string;
  /** The first sequence number seen in each direction (tshark's base_seq). */
  baseSeq: [number | null, number | null];
  fin: [boolean, boolean];
  rst: boolean;
  lastFrame: number;
  replaced: boolean;
  /** The connection this one replaced on its 4-tuple, while late answers may still reach it. */
  prev: Open | null;
  /** The ack of the late SYN,ACK that reached this (replaced) connection: its refusal RST has that seq. */
  lateAck: number | null;
  handedOn: boolean;
  /** Replaced while its SYN was unanswered: it is held a little for a late answer. */
  awaitsLateAnswer: boolean;
}

/** A closed connection this many packets quiet is over: its last retransmissions are long past. */
const LINGER_PACKETS = 10_000;

/** How long a replaced, unanswered connection waits for a late answer to its SYN. */
const LATE_ANSWER_PACKETS = 1_000;

/**
 * Whether a packet on `current`'s 4-tuple answers the SYN of the connection it replaced: from
 * the other end, a SYN,ACK or RST whose ack is the old SYN's (and not the new one's); from the
 * opener, the RST that refuses such a late SYN,ACK (seq = its ack, RFC 9293 3.10.7.3).
 */
function isLateAnswer(old: Open, current: Open, p: TcpPacket, src: string): boolean {
  const fromOpener = old.ends[0] === src;
  if (fromOpener) return (p.flags & TCP_RST) !== 0 && (p.flags & TCP_SYN) === 0 && old.lateAck !== null && p.seq === old.lateAck;
  if ((p.flags & TCP_ACK) === 0 || (p.flags & (TCP_SYN | TCP_RST)) === 0) return false;
  const oldSyn = old.baseSeq[0];
  const newSyn = current.baseSeq[current.ends[0] === old.ends[0] ? 0 : 1];
  // The old SYN's data (TCP Fast Open) may be acknowledged too: any ack past it up to the new ISN's.
  return oldSyn !== null && ((p.ack - oldSyn) >>> 0) >= 1 && ((p.ack - oldSyn) >>> 0) <= 65_536 && (newSyn === null || p.ack !== ((newSyn + 1) >>> 0));
}

export class ConnectionTracker {
  private byKey = new Map<string, Open>();
  private queue: Open[] = [];
  private head = 0;
  private count = 0;
  private lastFrame = 0;

  constructor(private readonly onConnection: (conn: CapturedConnection) => void) {}

  add(p: TcpPacket, frame: number, time: number): void {
    this.lastFrame = frame;
    const src = endpointText(p.src, p.srcPort);
    const dst = endpointText(p.dst, p.dstPort);
    const key = src < dst ? `${src} ${dst}` : `${dst} ${src}`;
    let open = this.byKey.get(key);
    const late = open?.prev;
    if (late && !late.handedOn && open && isLateAnswer(late, open, p, src)) {
      this.append(late, late.ends[0] === src ? 0 : 1, p, frame, time);
      return;
    }
    let dir: 0 | 1 = open === undefined || open.ends[0] === src ? 0 : 1;
    let replaced: Open | undefined;
    if (open !== undefined && (p.flags & (TCP_SYN | TCP_ACK)) === TCP_SYN) {
      const base = open.baseSeq[dir];
      const closed = open.rst || (open.fin[0] && open.fin[1]);
      if (base !== null && (base !== p.seq || closed)) {
        open.replaced = true;
        replaced = open;
        open = undefined;
      }
    }
    if (open === undefined) {
      // Only a connection whose SYN went unanswered can still get a late answer to it.
      const prev = replaced && replaced.baseSeq[1] === null && replaced.ends[0] === src ? replaced : null;
      if (prev) prev.awaitsLateAnswer = true;
      open = { index: this.count++, ends: [src, dst], segments: new SegmentLog(), key, baseSeq: [null, null], fin: [false, false], rst: false, lastFrame: frame, replaced: false, prev, lateAck: null, handedOn: false, awaitsLateAnswer: false };
      this.byKey.set(key, open);
      this.queue.push(open);
      dir = 0;
    }
    this.append(open, dir, p, frame, time);
  }

  private append(open: Open, dir: 0 | 1, p: TcpPacket, frame: number, time: number): void {
    if (open.baseSeq[dir] === null) open.baseSeq[dir] = p.flags & TCP_SYN ? p.seq : (p.seq - 1) >>> 0;
    if (p.flags & TCP_FIN) open.fin[dir] = true;
    if (p.flags & TCP_RST) open.rst = true;
    if (dir === 1 && open.replaced && (p.flags & (TCP_SYN | TCP_ACK)) === (TCP_SYN | TCP_ACK)) open.lateAck = p.ack;
    open.lastFrame = frame;
    open.segments.push({ dir, flags: p.flags, seq: p.seq, ack: p.ack, len: p.len, frame, time });
    this.drain(false);
  }

  /** The capture is over: every connection is handed on. */
  end(): void {
    this.drain(true);
  }

  private drain(all: boolean): void {
    while (this.head < this.queue.length) {
      const open = this.queue[this.head] as Open;
      // A replaced connection whose SYN went unanswered waits a little for a late answer to it.
      const quiet = this.lastFrame - open.lastFrame;
      const over = (open.replaced && (!open.awaitsLateAnswer || quiet > LATE_ANSWER_PACKETS)) || ((open.rst || (open.fin[0] && open.fin[1])) && quiet > LINGER_PACKETS);
      if (!all && !over) break;
      this.head++;
      open.handedOn = true;
      if (this.byKey.get(open.key) === open) this.byKey.delete(open.key);
      this.onConnection({ index: open.index, ends: open.ends, segments: open.segments.toArray() });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
