// The moment of a connection a question asks about: its handshake, its data transfer, its
// teardown, or an edge case (a loss, a RST, crossing SYNs or FINs). Practice topics filter on the
// moment, not on the scenario: a teardown scenario opens with a handshake too, and its handshake
// segments are no teardown question. Read off the replay of the item's own trace. Pure.
import { replayRecords, segmentOf, type Segment, type StepRecord, type TcpState, type Trace } from '../engine/index';
import type { QuizItem } from './item';

export const MOMENTS = ['handshake', 'data', 'teardown', 'edge'] as const;
export type Moment = (typeof MOMENTS)[number];

const OPENING: readonly TcpState[] = ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED'];

const sameSegment = (a: Segment, b: Segment): boolean => a.from === b.from && a.seq === b.seq && a.len === b.len && a.flags.length === b.flags.length && a.flags.every((f) => b.flags.includes(f));

/**
 * The first event from which the trace is an edge case: a segment lost, a timer resending, a RST
 * or an abort, a segment sent again, a second SYN with a new ISN (an old duplicate's connection),
 * SYNs that cross (SYN_SENT to SYN_RECEIVED) or FINs that cross (CLOSING). Infinity when none.
 */
function edgeStart(trace: Trace, records: readonly StepRecord[]): number {
  const sent: Segment[] = [];
  for (const [i, e] of trace.events.entries()) {
    if ('drop' in e || ('timeout' in e && e.timeout.timer === 'retransmit') || ('app' in e && e.app.call === 'abort')) return i;
    const s = segmentOf(e);
    if (s) {
      if (s.flags.includes('RST') || sent.some((x) => sameSegment(x, s))) return i;
      if (s.flags.includes('SYN') && sent.some((x) => x.from === s.from && x.flags.includes('SYN') && x.seq !== s.seq)) return i;
      sent.push(s);
    }
    const r = records[i];
    if (r && (r.moves.some((m) => m.from === 'SYN_SENT' && m.to === 'SYN_RECEIVED') || r.states.A === 'CLOSING' || r.states.B === 'CLOSING')) return i;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Where the connection that `event` belongs to began: the last SYN with an ISN new to its side
 * (a connection reopened from TIME_WAIT, or the real one after an old duplicate), else 0.
 */
function incarnationStart(trace: Trace, event: number): number {
  let start = 0;
  const isns: Segment[] = [];
  trace.events.slice(0, event + 1).forEach((e, i) => {
    const s = segmentOf(e);
    if (!s?.flags.includes('SYN')) return;
    if (isns.some((x) => x.from === s.from) && !isns.some((x) => x.from === s.from && x.seq === s.seq)) start = i;
    isns.push(s);
  });
  return start;
}

/**
 * The phase of the connection at `event`: the handshake until both sides have been ESTABLISHED,
 * the teardown once a FIN is sent, a close or shutdown called or a side is past ESTABLISHED, and
 * the data transfer in between (an abort on an open connection is not its handshake).
 */
function phaseAt(trace: Trace, records: readonly StepRecord[], event: number): Exclude<Moment, 'edge'> {
  const start = incarnationStart(trace, event);
  const past = (s: TcpState) => !OPENING.includes(s) && s !== 'ESTABLISHED';
  const closing = trace.events.slice(start, event + 1).some((e, k) => {
    const states = records[start + k]?.states;
    return (states && (past(states.A) || past(states.B))) || ('app' in e && (e.app.call === 'close' || e.app.call === 'shutdown')) || segmentOf(e)?.flags.includes('FIN');
  });
  if (closing) return 'teardown';
  const opened = records.slice(start, event).some((r) => r.states.A === 'ESTABLISHED' && r.states.B === 'ESTABLISHED');
  return opened && !segmentOf(trace.events[event])?.flags.includes('SYN') ? 'data' : 'handshake';
}

/** The moments an item asks about: its phase, and `edge` too when it comes at or after the edge case. Pure. */
export function momentsOf(item: QuizItem): Moment[] {
  const records = replayRecords(item.trace);
  const phase = phaseAt(item.trace, records, item.event);
  return item.event >= edgeStart(item.trace, records) ? [phase, 'edge'] : [phase];
}
