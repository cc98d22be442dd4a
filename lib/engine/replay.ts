// Replay: runs both endpoints through a trace, one event at a time, and records both states
// and the first wrong field of every event. Pure: a trace in, plain JSON out.
import { applyAppCall, applyTimeout } from './calls';
import { clearConnection, createEndpoint, otherSide, type Endpoint } from './endpoint';
import { explainFinding, type Lang } from './explain/index';
import type { Finding, FindingCode } from './findings';
import { receiveSegment, type ArrivalOutcome } from './receive';
import { sendSegment } from './send';
import type { ErrorField, Side, StatePair, Trace, TraceEvent } from './types';
import { toWire, type Wire } from './wire';

export interface StepError {
  field: ErrorField;
  expected: unknown;
  got: unknown;
  explain: string;
  code: FindingCode;
}

export interface ReplayStep {
  states: StatePair;
  error: StepError | null;
}

export interface ReplayResult {
  valid: boolean;
  steps: ReplayStep[];
}

/** One replayed event with everything the engine knows about it (for grading and narration). */
export interface StepRecord {
  states: StatePair;
  finding: Finding | null;
  /** What the receiving endpoint did with a delivered segment. */
  outcome: ArrivalOutcome | null;
}

/** A sent segment while in flight; once it arrived or was lost, only that fact is kept. */
type SegmentFate = Wire | 'delivered' | 'dropped';

/** Both endpoints and the network between them. */
export interface Connection {
  A: Endpoint;
  B: Endpoint;
  segments: Map<string, SegmentFate>;
}

export function openConnection(trace: Trace): Connection {
  const conn: Connection = { A: createEndpoint('A', trace.endpoints.A), B: createEndpoint('B', trace.endpoints.B), segments: new Map() };
  for (const e of trace.events) if ('app' in e) conn[e.app.at].callsShown = true;
  return conn;
}

function eventFinding(code: FindingCode, got: unknown, params: Record<string, string | number>): Finding {
  return { code, field: 'event', expected: null, got, params };
}

/** Takes segment `id` out of the network (it arrives or is lost), or says why it cannot. */
function takeFromNetwork(conn: Connection, id: string, fate: 'delivered' | 'dropped'): Wire | Finding {
  const entry = conn.segments.get(id);
  if (entry === undefined) return eventFinding('UNKNOWN_SEGMENT_ID', id, { id });
  if (typeof entry === 'string') return eventFinding('SEGMENT_NOT_IN_FLIGHT', id, { id, status: entry });
  conn.segments.set(id, fate);
  return entry;
}

const NOTHING = { finding: null, outcome: null } as const;

/** Applies one event to the connection; mutates it. */
export function applyEvent(conn: Connection, event: TraceEvent): { finding: Finding | null; outcome: ArrivalOutcome | null } {
  if ('send' in event) {
    if (conn.segments.has(event.id)) return { finding: eventFinding('DUPLICATE_SEGMENT_ID', event.id, { id: event.id }), outcome: null };
    const wire = toWire(event.send);
    conn.segments.set(event.id, wire);
    return { finding: sendSegment(conn[wire.from], wire), outcome: null };
  }
  if ('deliver' in event) {
    const wire = takeFromNetwork(conn, event.deliver, 'delivered');
    if ('code' in wire) return { finding: wire, outcome: null };
    return { finding: null, outcome: receiveSegment(conn[otherSide(wire.from)], wire) };
  }
  if ('drop' in event) {
    const wire = takeFromNetwork(conn, event.drop, 'dropped');
    return 'code' in wire ? { finding: wire, outcome: null } : NOTHING;
  }
  if ('app' in event) return { finding: applyAppCall(conn[event.app.at], event.app.call), outcome: null };
  if ('timeout' in event) return { finding: applyTimeout(conn[event.timeout.at], event.timeout.timer), outcome: null };
  if ('expect' in event) return { finding: checkExpect(conn, event.expect), outcome: null };
  const wire = toWire(event);
  const finding = sendSegment(conn[wire.from], wire);
  return { finding, outcome: receiveSegment(conn[otherSide(wire.from)], wire) };
}

function checkExpect(conn: Connection, expect: Partial<StatePair>): Finding | null {
  for (const side of ['A', 'B'] as Side[]) {
    const claimed = expect[side];
    const endpoint = conn[side];
    // A checkpoint that finds the endpoint reset shows it took the reset an inexact RST offered.
    if (claimed !== undefined && claimed === endpoint.resetChoice) clearConnection(endpoint, claimed);
    const actual = endpoint.state;
    if (claimed !== undefined && claimed !== actual) {
      return { code: 'STATE_MISMATCH', field: 'state', expected: actual, got: claimed, params: { side, expected: actual, got: claimed } };
    }
  }
  return null;
}

// There are only 121 pairs of states: steps share frozen pair objects instead of allocating
// one per event, which keeps a million-event replay's cost per event flat.
const PAIRS = new Map<string, StatePair>();
function statePair(conn: Connection): StatePair {
  const key = conn.A.state + conn.B.state;
  let pair = PAIRS.get(key);
  if (pair === undefined) {
    pair = Object.freeze({ A: conn.A.state, B: conn.B.state });
    PAIRS.set(key, pair);
  }
  return pair;
}

/** Replays a parsed trace, calling `visit` after each event. */
function run(trace: Trace, visit: (states: StatePair, finding: Finding | null, outcome: ArrivalOutcome | null, index: number) => void): void {
  const conn = openConnection(trace);
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const { finding, outcome } = applyEvent(conn, events[i] as TraceEvent);
    visit(statePair(conn), finding, outcome, i);
  }
}

/** Replays a parsed trace and returns every step with its raw finding. Pure. */
export function replayRecords(trace: Trace): StepRecord[] {
  const records: StepRecord[] = new Array(trace.events.length);
  run(trace, (states, finding, outcome, i) => {
    records[i] = { states, finding, outcome };
  });
  return records;
}

export function toStepError(finding: Finding, lang: Lang): StepError {
  return { field: finding.field, expected: finding.expected, got: finding.got, explain: explainFinding(finding, lang), code: finding.code };
}

/** Replays a parsed trace into the trace format's replay output. Pure. */
export function replayTrace(trace: Trace, options: { lang?: Lang } = {}): ReplayResult {
  const lang = options.lang ?? 'en';
  let valid = true;
  const steps: ReplayStep[] = new Array(trace.events.length);
  run(trace, (states, finding, _outcome, i) => {
    if (finding !== null) valid = false;
    steps[i] = { states, error: finding === null ? null : toStepError(finding, lang) };
  });
  return { valid, steps };
}
