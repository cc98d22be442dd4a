// Writes a trace the way a scenario author would, keeping each side's own numbers: the next
// sequence number it sends (SND.NXT) and the next one it expects (RCV.NXT). It is a deliberately
// simple, independent bookkeeping of delivery (text beyond a gap is held until the gap fills), so
// that replaying a generated trace through the engine checks the engine against it.
import { segmentSpan } from '../seq';
import { otherSide, type AppCall, type EndpointSpec, type Flag, type Segment, type Side, type TcpState, type TimerName, type Trace, type TraceEvent } from '../types';

const MOD = 0x1_0000_0000;
const add = (a: number, b: number): number => (a + b) % MOD;

interface Sent {
  segment: Segment;
}

export class TraceBuilder {
  private readonly events: TraceEvent[] = [];
  private readonly next: Record<Side, number>;
  private readonly rcv: Record<Side, number | null> = { A: null, B: null };
  /** Segments that arrived beyond a gap, by receiver: [seq, span], taken once RCV.NXT reaches them. */
  private readonly held: Record<Side, Array<[number, number]>> = { A: [], B: [] };
  private readonly iss: Record<Side, number>;
  private readonly sent = new Map<string, Sent>();
  private nextId = 1;

  constructor(
    private readonly endpoints: Record<Side, EndpointSpec>,
    isn: Record<Side, number>,
  ) {
    this.iss = { ...isn };
    this.next = { ...isn };
  }

  /** A segment from `from` at its SND.NXT, acknowledging RCV.NXT when it has seen a SYN. */
  private make(from: Side, flags: Flag[], len: number): Segment {
    const rcv = this.rcv[from];
    const withAck = rcv !== null ? [...new Set<Flag>([...flags, 'ACK'])] : flags;
    return { from, flags: withAck, seq: this.next[from], ack: rcv ?? 0, len };
  }

  private advanceSender(s: Segment): void {
    const span = segmentSpan({ syn: s.flags.includes('SYN'), fin: s.flags.includes('FIN') }, s.len);
    this.next[s.from] = add(s.seq, span);
  }

  private arrive(s: Segment): void {
    if (s.flags.includes('RST')) return;
    const to = otherSide(s.from);
    const span = segmentSpan({ syn: s.flags.includes('SYN'), fin: s.flags.includes('FIN') }, s.len);
    const rcv = this.rcv[to];
    if (s.flags.includes('SYN')) {
      if (rcv === null) this.rcv[to] = add(s.seq, span);
    } else if (rcv !== null && rcv === s.seq) {
      this.rcv[to] = add(s.seq, span);
      this.takeHeld(to);
    } else if (rcv !== null && span > 0 && (s.seq - rcv + MOD) % MOD < MOD / 2) {
      this.held[to].push([s.seq, span]);
    }
  }

  /** The gap is filled: RCV.NXT moves over every held segment that now follows on. */
  private takeHeld(to: Side): void {
    for (let next = this.held[to].find(([seq]) => seq === this.rcv[to]); next; next = this.held[to].find(([seq]) => seq === this.rcv[to])) {
      this.held[to] = this.held[to].filter((h) => h !== next);
      this.rcv[to] = add(next[0], next[1]);
    }
  }

  /** Sent and delivered at once (the trace format's shorthand). */
  segment(from: Side, flags: Flag[], len = 0): this {
    const s = this.make(from, flags, len);
    this.advanceSender(s);
    this.events.push(s);
    this.arrive(s);
    return this;
  }

  /** Put in flight; returns the id to deliver or drop later. */
  send(from: Side, flags: Flag[], len = 0): string {
    return this.emit(this.make(from, flags, len), true);
  }

  private emit(s: Segment, advance: boolean): string {
    const id = String(this.nextId++);
    if (advance) this.advanceSender(s);
    this.sent.set(id, { segment: s });
    this.events.push({ send: s, id });
    return id;
  }

  /** Sends again what `id` carried (same seq, flags and len), acknowledging what is known now. */
  resend(id: string): string {
    const original = this.sentSegment(id);
    const rcv = this.rcv[original.from];
    return this.emit({ ...original, flags: [...original.flags], ack: original.flags.includes('ACK') ? (rcv ?? 0) : 0 }, false);
  }

  /** Simultaneous open: a SYN_RECEIVED side answers with SYN,ACK repeating its own ISN. */
  sendSynAck(from: Side): string {
    return this.emit({ from, flags: ['SYN', 'ACK'], seq: this.iss[from], ack: this.rcv[from] ?? 0, len: 0 }, false);
  }

  /** A RST answering a segment that reached a CLOSED endpoint (RFC 9293 3.10.7.1). */
  resetAnswer(from: Side, answered: Segment): this {
    const span = segmentSpan({ syn: answered.flags.includes('SYN'), fin: answered.flags.includes('FIN') }, answered.len);
    const rst: Segment = answered.flags.includes('ACK')
      ? { from, flags: ['RST'], seq: answered.ack, ack: 0, len: 0 }
      : { from, flags: ['RST', 'ACK'], seq: 0, ack: add(answered.seq, span), len: 0 };
    this.events.push(rst);
    return this;
  }

  /** The abort RST of RFC 9293 3.10.5: <SEQ=SND.NXT><CTL=RST>. */
  abortReset(from: Side): this {
    this.events.push({ from, flags: ['RST'], seq: this.next[from], ack: 0, len: 0 });
    return this;
  }

  deliver(id: string): this {
    this.sentSegment(id);
    this.events.push({ deliver: id });
    this.arrive(this.sentSegment(id));
    return this;
  }

  /** Arrives, but the receiver cannot accept it (it acknowledges nothing it sent): its numbers stay. */
  deliverUnacceptable(id: string): this {
    this.sentSegment(id);
    this.events.push({ deliver: id });
    return this;
  }

  drop(id: string): this {
    this.events.push({ drop: id });
    return this;
  }

  app(at: Side, call: AppCall, len?: number): this {
    this.events.push({ app: len === undefined ? { at, call } : { at, call, len } });
    return this;
  }

  timeout(at: Side, timer: TimerName): this {
    this.events.push({ timeout: { at, timer } });
    return this;
  }

  expect(A: TcpState, B: TcpState): this {
    this.events.push({ expect: { A, B } });
    return this;
  }

  /**
   * Forgets a side's connection (it closed, or a RST sent it back to LISTEN), so its next SYN
   * starts a new one from this ISN. Both sides after both ends are CLOSED, for a new connection.
   */
  newIncarnation(isn: Partial<Record<Side, number>>): this {
    for (const side of Object.keys(isn) as Side[]) {
      this.iss[side] = isn[side] as number;
      this.next[side] = isn[side] as number;
      this.rcv[side] = null;
      this.held[side] = [];
    }
    return this;
  }

  lastSegment(): Segment {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i] as TraceEvent;
      if ('from' in e) return e;
      if ('send' in e) return e.send;
    }
    throw new Error('no segment yet');
  }

  private sentSegment(id: string): Segment {
    const s = this.sent.get(id);
    if (!s) throw new Error(`scenario bug: no segment ${id}`);
    return s.segment;
  }

  build(name: string, description: string): Trace {
    return { name, description, endpoints: this.endpoints, events: this.events };
  }
}
