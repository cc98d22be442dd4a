// Replay: runs both endpoints through a trace, one event at a time, and records both states
// and the first wrong field of every event. Pure: a trace in, plain JSON out.
import { applyAppCall, applyTimeout } from './calls';
import { createEndpoint, otherSide, type Endpoint } from './endpoint';
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

interface InFlight {
  wire: Wire;
  status: 'flight' | 'delivered' | 'dropped';
}

/** Both endpoints and the network between them. */
export interface Connection {
  A: Endpoint;
  B: Endpoint;
  segments: Map<string, InFlight>;
}

export function openConnection(trace: Pick<Trace, 'endpoints'>): Connection {
  return { A: createEndpoint('A', trace.endpoints.A), B: createEndpoint('B', trace.endpoints.B), segments: new Map() };
}

function eventFinding(code: FindingCode, got: unknown, params: Record<string, string | number>): Finding {
  return { code, field: 'event', expected: null, got, params };
}

function deliver(conn: Connection, id: string): { finding: Finding | null; outcome: ArrivalOutcome | null } {
  const entry = conn.segments.get(id);
  if (!entry) return { finding: eventFinding('UNKNOWN_SEGMENT_ID', id, { id }), outcome: null };
  if (entry.status !== 'flight') return { finding: eventFinding('SEGMENT_NOT_IN_FLIGHT', id, { id, status: entry.status }), outcome: null };
  entry.status = 'delivered';
  return { finding: null, outcome: receiveSegment(conn[otherSide(entry.wire.from)], entry.wire) };
}

/** Applies one event to the connection; mutates it. */
export function applyEvent(conn: Connection, event: TraceEvent): { finding: Finding | null; outcome: ArrivalOutcome | null } {
  if ('send' in event) {
    if (conn.segments.has(event.id)) return { finding: eventFinding('DUPLICATE_SEGMENT_ID', event.id, { id: event.id }), outcome: null };
    const wire = toWire(event.send);
    conn.segments.set(event.id, { wire, status: 'flight' });
    return { finding: sendSegment(conn[wire.from], wire), outcome: null };
  }
  if ('deliver' in event) return deliver(conn, event.deliver);
  if ('drop' in event) {
    const entry = conn.segments.get(event.drop);
    if (!entry) return { finding: eventFinding('UNKNOWN_SEGMENT_ID', event.drop, { id: event.drop }), outcome: null };
    if (entry.status !== 'flight') {
      return { finding: eventFinding('SEGMENT_NOT_IN_FLIGHT', event.drop, { id: event.drop, status: entry.status }), outcome: null };
    }
    entry.status = 'dropped';
    return { finding: null, outcome: null };
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
    const actual = conn[side].state;
    if (claimed !== undefined && claimed !== actual) {
      return { code: 'STATE_MISMATCH', field: 'state', expected: actual, got: claimed, params: { side, expected: actual, got: claimed } };
    }
  }
  return null;
}

/** Replays a parsed trace and returns every step with its raw finding. Pure. */
export function replayRecords(trace: Trace): StepRecord[] {
  const conn = openConnection(trace);
  const records: StepRecord[] = new Array(trace.events.length);
  for (let i = 0; i < trace.events.length; i++) {
    const { finding, outcome } = applyEvent(conn, trace.events[i] as TraceEvent);
    records[i] = { states: { A: conn.A.state, B: conn.B.state }, finding, outcome };
  }
  return records;
}

export function toStepError(finding: Finding, lang: Lang): StepError {
  return { field: finding.field, expected: finding.expected, got: finding.got, explain: explainFinding(finding, lang), code: finding.code };
}

/** Replays a parsed trace into the trace format's replay output. Pure. */
export function replayTrace(trace: Trace, options: { lang?: Lang } = {}): ReplayResult {
  const lang = options.lang ?? 'en';
  let valid = true;
  const steps = replayRecords(trace).map((r): ReplayStep => {
    if (r.finding === null) return { states: r.states, error: null };
    valid = false;
    return { states: r.states, error: toStepError(r.finding, lang) };
  });
  return { valid, steps };
}
