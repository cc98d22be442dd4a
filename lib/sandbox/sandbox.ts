// The sandbox's engine side: the learner plays one or both endpoints, the engine plays the rest
// as a conforming TCP would (it replies with what it owes, picks its ISN, and, like most
// servers, closes once its peer has). Every click steps the last snapshot: a constant amount of
// engine work however long the connection has run. Pure: randomness comes in as an argument.
import {
  extendTraceView,
  openConnection,
  owedOf,
  replyOwed,
  statesOf,
  step,
  traceViewOf,
  type ConnectionSnapshot,
  type Finding,
  type Lang,
  type Segment,
  type Side,
  type StepResult,
  type Trace,
  type TraceEvent,
  type TraceView,
} from '../engine/index';
import { otherSide } from '../engine/types';

export type Play = Side | 'both';

export interface SandboxState {
  play: Play;
  /** The automatic side's application closes once its peer has closed (most servers do). */
  autoClose: boolean;
  trace: Trace;
  snapshot: ConnectionSnapshot;
  /** What the diagrams draw, in `view`'s language; extended per event, never replayed. */
  view: TraceView;
  lang: Lang;
  /** The automatic side's ISN, picked once per connection when it first needs one. */
  isn: number | null;
}

/**
 * What followed an accepted event: the engine's side sent or closed, or the learner's own side's
 * TCP sent the SYN its connect() asked for (RFC 9293 3.10.1: an active OPEN sends the SYN) or
 * the FIN its close() asked for (3.10.4: CLOSE "form a FIN segment and send it").
 */
export type EngineAction =
  | { kind: 'sent'; side: Side; segment: Segment }
  | { kind: 'closed'; side: Side }
  | { kind: 'opened' | 'finSent'; side: Side; segment: Segment };

export type PlayResult =
  | { accepted: false; finding: Finding; state: SandboxState }
  | { accepted: true; state: SandboxState; said: string; actions: EngineAction[] };

const ENDPOINTS: Trace['endpoints'] = { A: { role: 'client' }, B: { role: 'server' } };

/** A random round ISN (a multiple of 1000, so a learner can add to it in their head). */
export function roundIsn(random: () => number): number {
  return Math.floor(random() * 4_294_967) * 1000;
}

/** A fresh connection: A a client, B a listening server. */
export function startSandbox(play: Play, lang: Lang, autoClose = true): SandboxState {
  const trace: Trace = { name: 'sandbox', endpoints: ENDPOINTS, events: [] };
  return { play, autoClose, trace, snapshot: openConnection(ENDPOINTS), view: traceViewOf(trace, lang), lang, isn: null };
}

/** The sides the engine plays. */
export function automaticSides(play: Play): Side[] {
  return play === 'both' ? [] : [otherSide(play)];
}

/** The same connection drawn in another language (one replay, on a language switch only). */
export function inLanguage(state: SandboxState, lang: Lang): SandboxState {
  return state.lang === lang ? state : { ...state, lang, view: traceViewOf(state.trace, lang, state.view.caption) };
}

function record(state: SandboxState, event: TraceEvent, result: StepResult): SandboxState {
  return {
    ...state,
    trace: { ...state.trace, events: [...state.trace.events, event] },
    snapshot: result.snapshot,
    view: extendTraceView(state.view, event, result, state.lang),
  };
}

/** The automatic side sends all it owes, each reply recorded as a step of its own. */
function reply(state: SandboxState, side: Side, isn: number, actions: EngineAction[], kind: EngineAction['kind'] = 'sent'): SandboxState {
  let next = state;
  for (const result of replyOwed(next.snapshot, side, isn)) {
    const segment = result.segment as Segment;
    next = record(next, segment, result);
    actions.push({ kind, side, segment });
  }
  return next;
}

/** Whether a timer is running at `side`, so firing it is something that can happen. Pure. */
export function timerRunning(state: SandboxState, side: Side, timer: 'retransmit' | 'time_wait'): boolean {
  return step(state.snapshot, { timeout: { at: side, timer } }).finding === null;
}

/**
 * Applies the learner's event; an illegal one is not applied and comes back with its finding.
 * Then the engine's side answers. `random` picks the engine's ISN the first time it needs one.
 */
export function playEvent(state: SandboxState, event: TraceEvent, random: () => number): PlayResult {
  const result = step(state.snapshot, event);
  if (result.finding) return { accepted: false, finding: result.finding, state };
  let next = record(state, event, result);
  const said = next.view.narration[next.view.narration.length - 1] ?? '';
  const actions: EngineAction[] = [];
  // The learner's own TCP sends what its connect() or close() asked for, so state and wire agree;
  // a close() that owes no FIN (in SYN_SENT, say) sends nothing, and nothing else is sent for them.
  const call = 'app' in event && !automaticSides(state.play).includes(event.app.at) ? event.app : null;
  if (call?.call === 'connect') next = reply(next, call.at, roundIsn(random), actions, 'opened');
  if (call?.call === 'close' && owedOf(next.snapshot, call.at)?.flags.includes('FIN')) next = reply(next, call.at, 0, actions, 'finSent'); // a FIN's seq is SND.NXT, no new ISN
  for (const side of automaticSides(state.play)) {
    const isn = next.isn ?? roundIsn(random);
    next = reply({ ...next, isn }, side, isn, actions);
    if (next.autoClose && statesOf(next.snapshot)[side] === 'CLOSE_WAIT') {
      const close: TraceEvent = { app: { at: side, call: 'close' } };
      next = record(next, close, step(next.snapshot, close));
      actions.push({ kind: 'closed', side });
      next = reply(next, side, isn, actions);
    }
  }
  return { accepted: true, state: next, said, actions };
}
