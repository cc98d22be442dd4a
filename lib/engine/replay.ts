// Replay: runs both endpoints through a trace, one event at a time, and records both states
// and the first wrong field of every event. It steps a draft it owns with the same transition
// as `step` (internal/connection.ts), without copying a snapshot per event. Pure: a trace in,
// plain JSON out.
import { explainFinding, type Lang } from './explain/index';
import type { Finding, FindingCode } from './findings';
import { applyEvent, type ConnectionDraft } from './internal/connection';
import type { MoveLog } from './internal/endpoint';
import type { ArrivalOutcome } from './internal/receive';
import { openConnection, type ConnectionSnapshot } from './step';
import type { ErrorField, StateMove, StatePair, Trace, TraceEvent } from './types';

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
  /** The state changes the event caused, in order. */
  moves: readonly StateMove[];
}

// There are only 121 pairs of states: steps share frozen pair objects instead of allocating
// one per event, which keeps a million-event replay's cost per event flat.
const PAIRS = new Map<string, StatePair>();
function statePair(c: ConnectionDraft): StatePair {
  const key = c.A.state + c.B.state;
  let pair = PAIRS.get(key);
  if (pair === undefined) {
    pair = Object.freeze({ A: c.A.state, B: c.B.state });
    PAIRS.set(key, pair);
  }
  return pair;
}

const NO_MOVES: readonly StateMove[] = Object.freeze([]);

/** Replays a parsed trace, calling `visit` after each event. */
function run(trace: Trace, visit: (states: StatePair, finding: Finding | null, outcome: ArrivalOutcome | null, moves: MoveLog, index: number) => void): void {
  const draft = openConnection(trace);
  const events = trace.events;
  const log: MoveLog = [];
  for (let i = 0; i < events.length; i++) {
    log.length = 0;
    const { finding, outcome } = applyEvent(draft, events[i] as TraceEvent, log);
    visit(statePair(draft), finding, outcome, log, i);
  }
}

/** The connection after every event of a parsed trace: a snapshot to `step` on from. Pure. */
export function snapshotAfter(trace: Trace): ConnectionSnapshot {
  const draft = openConnection(trace);
  const log: MoveLog = [];
  for (const event of trace.events) {
    log.length = 0;
    applyEvent(draft, event, log);
  }
  return draft;
}

/** Replays a parsed trace and returns every step with its raw finding. Pure. */
export function replayRecords(trace: Trace): StepRecord[] {
  const records: StepRecord[] = new Array(trace.events.length);
  run(trace, (states, finding, outcome, moves, i) => {
    records[i] = { states, finding, outcome, moves: moves.length === 0 ? NO_MOVES : moves.slice() };
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
  run(trace, (states, finding, _outcome, _moves, i) => {
    if (finding !== null) valid = false;
    steps[i] = { states, error: finding === null ? null : toStepError(finding, lang) };
  });
  return { valid, steps };
}
