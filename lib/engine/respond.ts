// What an endpoint owes its peer right now, as a conforming TCP would send it: the sandbox's
// automatic side replies with these. Read off the same endpoint variables replay checks against,
// so a reply is always legal by construction (and the tests replay it to make sure).
import type { Endpoint } from './endpoint';
import { applyEvent, openConnection } from './replay';
import type { Segment, Side, Trace, TraceEvent } from './types';

function owed(e: Endpoint, isn: number): Segment | null {
  const from = e.side;
  const answer = e.resetAnswers[e.resetAnswers.length - 1];
  if (answer) return { from, flags: answer.withAck ? ['RST', 'ACK'] : ['RST'], seq: answer.seq, ack: answer.withAck ? answer.ack : 0, len: 0 };
  if (e.state === 'CLOSED' && e.abortReset) return { from, flags: ['RST'], seq: e.abortReset.seq, ack: 0, len: 0 };
  if (e.state === 'SYN_SENT' && e.iss === null) return { from, flags: ['SYN'], seq: isn, ack: 0, len: 0 };
  if (e.state === 'SYN_RECEIVED' && e.iss === null) return { from, flags: ['SYN', 'ACK'], seq: isn, ack: e.rcvNxt, len: 0 };
  if (e.state === 'SYN_RECEIVED' && !e.passive && e.ackOwed && e.iss !== null) {
    return { from, flags: ['SYN', 'ACK'], seq: e.iss, ack: e.rcvNxt, len: 0 }; // simultaneous open
  }
  if (e.iss === null || e.irs === null) return null;
  if (e.finOwed && e.finSeq === null) return { from, flags: ['FIN', 'ACK'], seq: e.sndNxt, ack: e.rcvNxt, len: 0 };
  if (e.ackOwed) return { from, flags: ['ACK'], seq: e.sndNxt, ack: e.rcvNxt, len: 0 };
  return null;
}

/**
 * The segments `side` sends next after the trace so far, each delivered at once: a RST it owes,
 * its SYN or SYN,ACK, its FIN after a close, or an ACK for what it received. `isn` is the ISN it
 * picks if it opens. Pure.
 */
export function owedSegments(trace: Trace, side: Side, isn: number): Segment[] {
  const conn = openConnection(trace);
  for (const event of trace.events) applyEvent(conn, event);
  const out: Segment[] = [];
  // Each reply can make another due (a SYN,ACK then nothing; a FIN after its ACK): apply and ask again.
  for (let i = 0; i < 3; i++) {
    const next = owed(conn[side], isn);
    if (!next) break;
    const finding = applyEvent(conn, next as TraceEvent).finding;
    if (finding) break;
    out.push(next);
  }
  return out;
}

