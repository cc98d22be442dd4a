// The engine as a step function, in the spirit of smoltcp's `process()` and XState's
// `transition()`: a connection snapshot is plain JSON (store it, send it, keep it in React
// state), and `step(snapshot, event)` returns the next snapshot with what the event did. Pure:
// the snapshot passed in is never changed.
import type { Finding } from './findings';
import { applyEvent, emptyNetwork, openDraft, type ConnectionDraft } from './internal/connection';
import type { MoveLog } from './internal/endpoint';
import { owedBy, type OwedSegment } from './internal/owed';
import type { ArrivalOutcome } from './internal/receive';
import type { EndpointSpec, Segment, Side, StateMove, StatePair, Trace, TraceEvent } from './types';

export type { ArrivalOutcome } from './internal/receive';
export type { OwedSegment } from './internal/owed';

/**
 * Both endpoints' transmission control blocks and the segments in the network. Plain JSON;
 * its fields are the engine's business: read it through `statesOf`, move it with `step`.
 */
export type ConnectionSnapshot = ConnectionDraft;

/** What one event did to a connection. Plain JSON. */
export interface StepResult {
  snapshot: ConnectionSnapshot;
  /** The first wrong field of the event, or null when a conforming TCP may do this here. */
  finding: Finding | null;
  /** What the receiving endpoint did with a delivered segment. */
  outcome: ArrivalOutcome | null;
  /** Every state change the event caused, in order (a segment may move both endpoints). */
  moves: StateMove[];
  /** The segment the event sent, delivered or dropped. */
  segment: Segment | null;
  /** The segment each endpoint owes its peer after the event, if any. */
  owed: Record<Side, OwedSegment | null>;
}

/** The sides whose application calls a trace shows (RFC 9293 calls are then never inferred). Pure. */
export function sidesWithCalls(trace: Trace): Record<Side, boolean> {
  const shown = { A: false, B: false };
  for (const e of trace.events) if ('app' in e) shown[e.app.at] = true;
  return shown;
}

/**
 * The connection before a trace's first event. Given only endpoints (the sandbox), calls are
 * taken as shown from an endpoint's first call on. Pure.
 */
export function openConnection(from: Trace | Record<Side, EndpointSpec>): ConnectionSnapshot {
  if ('events' in from) return openDraft(from.endpoints, sidesWithCalls(from));
  return openDraft(from as Record<Side, EndpointSpec>, { A: false, B: false });
}

/** A deep copy of plain JSON. Keys are defined, not assigned, so "__proto__" stays a key. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: object = Object.getPrototypeOf(value) === null ? emptyNetwork() : {};
  for (const key of Object.keys(value)) {
    const field = copy((value as Record<string, unknown>)[key]);
    Object.defineProperty(out, key, { value: field, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

/** A snapshot that came through JSON gets its prototype-free network back before it is written. */
function draftOf(snapshot: ConnectionSnapshot): ConnectionDraft {
  const draft = copy(snapshot);
  if (Object.getPrototypeOf(draft.network) !== null) draft.network = Object.assign(emptyNetwork(), draft.network);
  return draft;
}

/** Applies one event to a connection snapshot. Pure: `snapshot` is not changed. */
export function step(snapshot: ConnectionSnapshot, event: TraceEvent): StepResult {
  const draft = draftOf(snapshot);
  const moves: MoveLog = [];
  const { finding, outcome, segment } = applyEvent(draft, event, moves);
  return { snapshot: draft, finding, outcome, moves, segment, owed: { A: owedBy(draft.A), B: owedBy(draft.B) } };
}

/** The segment `side` owes its peer in this snapshot, if any (the same as StepResult.owed). Pure. */
export function owedOf(snapshot: ConnectionSnapshot, side: Side): OwedSegment | null {
  return owedBy(snapshot[side]);
}

/** Both endpoints' states in a snapshot. Pure. */
export function statesOf(snapshot: ConnectionSnapshot): StatePair {
  return { A: snapshot.A.state, B: snapshot.B.state };
}
