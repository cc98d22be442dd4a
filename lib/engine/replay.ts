// Replay: runs both endpoints through a trace, one event at a time, and records both states
// and the first wrong field of every event. It steps a draft it owns with the same transition
// as `step` (internal/connection.ts), without copying a snapshot per event. Pure: a trace in,
// plain JSON out.
import { explainFinding, type Lang } from './explain/index';
import type { Finding, FindingCode } from './findings';
import { applyEvent, openDraft, type ConnectionDraft } from './internal/connection';
import type { MoveLog } from './internal/endpoint';
import type { ArrivalOutcome } from './internal/receive';
import { openConnection, sidesWithCalls, type ConnectionSnapshot } from './step';
import { STATES, type EndpointSpec, type ErrorField, type Side, type StateMove, type StatePair, type TcpState, type Trace, type TraceEvent } from './types';

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
// one per event, which keeps a million-event replay's cost per event flat. Looked up by two
// property reads, not by a concatenated key (a string per event showed in the profile).
const PAIRS = Object.fromEntries(
  STATES.map((a) => [a, Object.fromEntries(STATES.map((b) => [b, Object.freeze({ A: a, B: b })]))]),
) as Record<TcpState, Record<TcpState, StatePair>>;
function statePair(c: ConnectionDraft): StatePair {
  return PAIRS[c.A.state][c.B.state];
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
  const replay = startReplay(trace.endpoints, { lang: options.lang, callsShown: sidesWithCalls(trace) });
  const steps: ReplayStep[] = new Array(trace.events.length);
  for (let i = 0; i < steps.length; i++) steps[i] = replay.next(trace.events[i] as TraceEvent);
  return { valid: replay.valid(), steps };
}

/** A replay fed one event at a time, for a trace too long to hold (see startReplay). */
export interface StreamedReplay {
  /** Replays the next event: the step replayTrace gives for it. */
  next(event: TraceEvent): ReplayStep;
  /** No step so far had an error. */
  valid(): boolean;
  /**
   * Null when the steps so far are replayTrace's own. Otherwise the replay judged a side's RST
   * as if the trace showed none of that side's calls, and a call of that side came later:
   * replay again from the first event with `callsShown` set to what this returns.
   */
  redo(): Record<Side, boolean> | null;
}

/**
 * Starts a replay whose events come one at a time. Whether a trace shows a side's application
 * calls is a property of the whole trace (it decides whether a RST needs a shown abort); with
 * `callsShown` given the steps are exactly replayTrace's, else it is learned as events come and
 * `redo()` says when that was too late. Pure: the replay owns its connection and nothing else.
 */
export function startReplay(endpoints: Record<Side, EndpointSpec>, options: { lang?: Lang | undefined; callsShown?: Record<Side, boolean> | undefined } = {}): StreamedReplay {
  const lang = options.lang ?? 'en';
  const known = options.callsShown !== undefined;
  const draft = openDraft(endpoints, options.callsShown ?? { A: false, B: false });
  const seen = { A: false, B: false };
  const resetUnshown = { A: false, B: false };
  let late = false;
  let valid = true;
  const log: MoveLog = [];
  return {
    next(event) {
      if (!known) {
        if ('app' in event) {
          seen[event.app.at] = true;
          if (resetUnshown[event.app.at]) late = true;
        } else {
          const segment = 'send' in event ? event.send : 'from' in event ? event : null;
          if (segment !== null && !draft[segment.from].callsShown && segment.flags.includes('RST')) resetUnshown[segment.from] = true;
        }
      }
      log.length = 0;
      const { finding } = applyEvent(draft, event, log);
      if (finding === null) return { states: statePair(draft), error: null };
      valid = false;
      return { states: statePair(draft), error: toStepError(finding, lang) };
    },
    valid: () => valid,
    redo: () => (late ? { ...seen } : null),
  };
}
