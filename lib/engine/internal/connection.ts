// The connection's one transition: an event applied to a draft of both endpoints and the
// network between them. Replay runs it on a draft it owns, event after event; the public
// `step` (../step.ts) runs it on a copy of a snapshot. Either way this is the only code that
// moves a connection on, so replay, narration, grading and the sandbox cannot disagree.
import { findingOf, type Finding, type FindingOf, type FindingParamsByCode } from '../findings';
import { otherSide, SIDES, type EndpointSpec, type Segment, type Side, type StatePair, type TraceEvent } from '../types';
import { applyAppCall, applyTimeout } from './calls';
import { receiveSegment, type ArrivalOutcome } from './receive';
import { clearConnection, createEndpoint, type Endpoint, type MoveLog } from './endpoint';
import { sendSegment } from './send';
import { settle, settledFate, type Fate, type SettledRuns } from './settled';
import { toWire } from './wire';

/** A sent segment while in flight; once it arrived or was lost, only that fact is kept. */
export type SegmentFate = Segment | Fate;

/**
 * Both endpoints and the network, as plain JSON. `network` maps each `send` id in flight to its
 * segment, and a settled id that is not a number to its fate (number ids settle into `settled`);
 * it has no prototype, so an id such as "__proto__" is an ordinary key.
 */
export interface ConnectionDraft {
  A: Endpoint;
  B: Endpoint;
  network: Record<string, SegmentFate>;
  settled: SettledRuns;
}

/** What one event did, besides moving the draft on. */
export interface Applied {
  finding: Finding | null;
  /** What the receiving endpoint did with a delivered segment. */
  outcome: ArrivalOutcome | null;
  /** The segment the event sent, delivered or dropped, if it names one that exists. */
  segment: Segment | null;
}

export function emptyNetwork(): Record<string, SegmentFate> {
  return Object.create(null) as Record<string, SegmentFate>;
}

/**
 * A connection before its first event. `callsShown` names the sides whose application calls the
 * trace shows, so none is inferred for them (see Endpoint.callsShown).
 */
export function openDraft(endpoints: Record<Side, EndpointSpec>, callsShown: Record<Side, boolean>): ConnectionDraft {
  const draft: ConnectionDraft = { A: createEndpoint('A', endpoints.A), B: createEndpoint('B', endpoints.B), network: emptyNetwork(), settled: [] };
  for (const side of SIDES) draft[side].callsShown = callsShown[side];
  return draft;
}

function eventFinding<C extends 'UNKNOWN_SEGMENT_ID' | 'DUPLICATE_SEGMENT_ID' | 'SEGMENT_NOT_IN_FLIGHT'>(code: C, got: string, params: FindingParamsByCode[C]): FindingOf<C> {
  return findingOf(code, 'event', null, got, params);
}

/** Segment `id` in flight, or what became of it, or undefined when none was sent. */
function fateOf(c: ConnectionDraft, id: string): SegmentFate | undefined {
  return Object.hasOwn(c.network, id) ? c.network[id] : settledFate(c.settled, id);
}

/** Takes segment `id` out of the network (it arrives or is lost), or says why it cannot. */
function takeFromNetwork(c: ConnectionDraft, id: string, fate: Fate): Segment | Finding {
  const entry = fateOf(c, id);
  if (entry === undefined) return eventFinding('UNKNOWN_SEGMENT_ID', id, { id });
  if (typeof entry === 'string') return eventFinding('SEGMENT_NOT_IN_FLIGHT', id, { id, status: entry });
  if (settle(c.settled, id, fate)) delete c.network[id];
  else c.network[id] = fate;
  return entry;
}

function checkExpect(c: ConnectionDraft, expect: Partial<StatePair>, log: MoveLog): Finding | null {
  for (const side of SIDES) {
    const claimed = expect[side];
    const endpoint = c[side];
    // A checkpoint that finds the endpoint reset shows it took the reset an inexact RST offered.
    if (claimed !== undefined && claimed === endpoint.resetChoice) clearConnection(endpoint, claimed, log);
    const actual = endpoint.state;
    if (claimed !== undefined && claimed !== actual) {
      return findingOf('STATE_MISMATCH', 'state', actual, claimed, { side, expected: actual, got: claimed });
    }
  }
  return null;
}

/** Applies one event to the draft, recording every state change in `log`. Mutates the draft. */
export function applyEvent(c: ConnectionDraft, event: TraceEvent, log: MoveLog): Applied {
  if ('send' in event) {
    if (fateOf(c, event.id) !== undefined) {
      return { finding: eventFinding('DUPLICATE_SEGMENT_ID', event.id, { id: event.id }), outcome: null, segment: null };
    }
    c.network[event.id] = event.send;
    return { finding: sendSegment(c[event.send.from], toWire(event.send), log), outcome: null, segment: event.send };
  }
  if ('deliver' in event) {
    const sent = takeFromNetwork(c, event.deliver, 'delivered');
    if ('code' in sent) return { finding: sent, outcome: null, segment: null };
    return { finding: null, outcome: receiveSegment(c[otherSide(sent.from)], toWire(sent), log), segment: sent };
  }
  if ('drop' in event) {
    const sent = takeFromNetwork(c, event.drop, 'dropped');
    return 'code' in sent ? { finding: sent, outcome: null, segment: null } : { finding: null, outcome: null, segment: sent };
  }
  if ('app' in event) {
    // A call shown from here on is shown: the sandbox learns an endpoint's calls as they happen.
    c[event.app.at].callsShown = true;
    return { finding: applyAppCall(c[event.app.at], event.app.call, log), outcome: null, segment: null };
  }
  if ('timeout' in event) return { finding: applyTimeout(c[event.timeout.at], event.timeout.timer, log), outcome: null, segment: null };
  if ('expect' in event) return { finding: checkExpect(c, event.expect, log), outcome: null, segment: null };
  const wire = toWire(event);
  const finding = sendSegment(c[wire.from], wire, log);
  return { finding, outcome: receiveSegment(c[otherSide(wire.from)], wire, log), segment: event };
}
