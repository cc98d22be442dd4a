// What an endpoint sends next when it does only what it owes: the sandbox's automatic side.
// Each owed segment comes from the step before it (StepResult.owed), so a reply is legal by
// construction (and the tests replay it to make sure).
import { owedOf, step, type ConnectionSnapshot, type StepResult } from './step';
import type { Segment, Side } from './types';

/** A reply may make another due (a SYN,ACK then nothing; an ACK then the FIN a close owes). */
const MAX_REPLIES = 3;

/**
 * The segments `side` sends next, each delivered at once, as the steps that send them: a RST it
 * owes, its SYN or SYN,ACK, its FIN after a close, or an ACK for what it received. `isn` is the
 * ISN it picks if it opens. Pure.
 */
export function replyOwed(snapshot: ConnectionSnapshot, side: Side, isn: number): StepResult[] {
  const out: StepResult[] = [];
  let owed = owedOf(snapshot, side);
  let current = snapshot;
  while (owed && out.length < MAX_REPLIES) {
    const segment: Segment = { from: side, flags: owed.flags, seq: owed.seq ?? isn, ack: owed.ack, len: owed.len };
    const result = step(current, segment);
    if (result.finding) break;
    out.push(result);
    current = result.snapshot;
    owed = result.owed[side];
  }
  return out;
}

/** The segments `replyOwed` sends. Pure. */
export function owedSegments(snapshot: ConnectionSnapshot, side: Side, isn: number): Segment[] {
  return replyOwed(snapshot, side, isn).map((r) => r.segment as Segment);
}
