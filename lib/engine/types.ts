// The vocabulary of the trace format (../shared/trace-format.md) as TypeScript types.
// Everything here is plain JSON so it crosses the server/client boundary, the CLI and caches.

export const SIDES = ['A', 'B'] as const;
export type Side = (typeof SIDES)[number];

/** The endpoint at the other end of the connection. Pure. */
export function otherSide(side: Side): Side {
  return side === 'A' ? 'B' : 'A';
}

export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'] as const;
export type Flag = (typeof FLAGS)[number];

/** The 11 states of RFC 9293 section 3.3.2, spelled as the trace format spells them. */
export const STATES = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
] as const;
export type TcpState = (typeof STATES)[number];

export const ROLES = ['client', 'server', 'peer'] as const;
export type Role = (typeof ROLES)[number];

export const APP_CALLS = ['connect', 'listen', 'send', 'shutdown', 'close', 'abort'] as const;
export type AppCall = (typeof APP_CALLS)[number];

export const TIMERS = ['retransmit', 'time_wait'] as const;
export type TimerName = (typeof TIMERS)[number];

export interface Segment {
  from: Side;
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
}

export interface EndpointSpec {
  role: Role;
  initial?: TcpState;
}

/** A server starts listening, a client or peer closed, unless the trace says otherwise. Pure. */
export function initialState(spec: EndpointSpec): TcpState {
  return spec.initial ?? (spec.role === 'server' ? 'LISTEN' : 'CLOSED');
}

/** Both endpoints' states before the first event. Pure. */
export function initialStates(endpoints: Record<Side, EndpointSpec>): StatePair {
  return { A: initialState(endpoints.A), B: initialState(endpoints.B) };
}

export type SendEvent = { send: Segment; id: string };
export type DeliverEvent = { deliver: string };
export type DropEvent = { drop: string };
export type AppEvent = { app: { at: Side; call: AppCall; len?: number } };
export type TimeoutEvent = { timeout: { at: Side; timer: TimerName } };
export type ExpectEvent = { expect: Partial<Record<Side, TcpState>> };
/** A segment with no `send` key: sent and delivered at once. */
export type SegmentEvent = Segment;

export type TraceEvent =
  | SendEvent
  | DeliverEvent
  | DropEvent
  | AppEvent
  | TimeoutEvent
  | ExpectEvent
  | SegmentEvent;

export interface Trace {
  name?: string;
  description?: string;
  endpoints: Record<Side, EndpointSpec>;
  events: TraceEvent[];
}

/**
 * The trace as a learner sees it: without its `expect` checkpoints, which are the author's
 * assertions (checked by replay), not something that happens on the wire. Pure.
 */
export function withoutCheckpoints(trace: Trace): Trace {
  return { ...trace, events: trace.events.filter((e) => !('expect' in e)) };
}

export type ErrorField = 'flags' | 'seq' | 'ack' | 'len' | 'state' | 'event';

export type StatePair = Record<Side, TcpState>;

/** One state change of one endpoint, as the engine records it (RFC 9293 figure 5's arrows). */
export interface StateMove {
  side: Side;
  from: TcpState;
  to: TcpState;
}

/** Which lesson-level difficulty a generated scenario targets. */
export type Difficulty = 'beginner' | 'expert';

/**
 * One event of a trace, resolved against the connection: a `deliver` or `drop` carries the
 * segment it names, a `send` knows whether (and at which event) it was delivered or dropped.
 * This is what diagrams draw.
 */
export type ResolvedEvent =
  | { kind: 'send'; id: string; segment: Segment; fate: 'delivered' | 'dropped' | 'in_flight'; fateAt: number | null }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'deliver'; id: string; segment: Segment | null; sentAt: number | null }
  | { kind: 'drop'; id: string; segment: Segment | null; sentAt: number | null }
  | { kind: 'app'; at: Side; call: AppCall; len?: number }
  | { kind: 'timeout'; at: Side; timer: TimerName }
  | { kind: 'expect'; states: Partial<Record<Side, TcpState>> };
