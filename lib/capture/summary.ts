// What the explore page lists about each imported connection: its endpoints, packets and bytes,
// how it ended, and its anomalies (retransmissions, duplicate ACKs, resets, segments the
// capture shows lost, segments the engine rejects), from one replay by the engine. Pure.
import { replayTrace, seq, seqLe, type Lang, type Segment, type Side } from '../engine/index';
import type { CaptureTrace } from './trace';

export type ConnectionEnding = 'closed' | 'reset' | 'refused' | 'unanswered' | 'half_closed' | 'open';

export interface ConnectionSummary {
  name: string;
  addresses: Record<Side, string>;
  packets: number;
  /** Payload bytes each side sent (as the IP headers give them). */
  bytes: Record<Side, number>;
  ending: ConnectionEnding;
  anomalies: { retransmissions: number; duplicateAcks: number; resets: number; lost: number; rejected: number };
  valid: boolean;
  /** The engine's explanation of the first segment it rejects, in the asked language. */
  firstError: { event: number; explain: string } | null;
}

const span = (s: Segment) => s.len + (s.flags.includes('SYN') ? 1 : 0) + (s.flags.includes('FIN') ? 1 : 0);

export function summarizeConnection(trace: CaptureTrace, lang: Lang): ConnectionSummary {
  const sends = trace.events.flatMap((e) => ('send' in e ? [e.send] : []));
  const bytes = { A: 0, B: 0 };
  const highest: Partial<Record<Side, number>> = {};
  const lastPureAck: Partial<Record<Side, Segment>> = {};
  const anomalies = { retransmissions: 0, duplicateAcks: 0, resets: 0, lost: trace.events.filter((e) => 'drop' in e).length, rejected: 0 };
  for (const s of sends) {
    bytes[s.from] += s.len;
    if (s.flags.includes('RST')) anomalies.resets++;
    const n = span(s);
    const top = highest[s.from];
    const end = (s.seq + n) >>> 0;
    // Sequence space already sent once (a keep-alive probe aside) is sent again.
    if (n > 0 && top !== undefined && seqLe(seq(end), seq(top)) && !(s.len <= 1 && !s.flags.includes('SYN') && !s.flags.includes('FIN') && end === top)) anomalies.retransmissions++;
    if (n > 0 && (top === undefined || seqLe(seq(top), seq(end)))) highest[s.from] = end;
    const pure = n === 0 && !s.flags.includes('RST') && s.flags.includes('ACK');
    const before = lastPureAck[s.from];
    if (pure && before !== undefined && before.ack === s.ack && before.seq === s.seq) anomalies.duplicateAcks++;
    lastPureAck[s.from] = pure ? s : undefined;
  }
  const replay = replayTrace(trace, { lang });
  const errors = replay.steps.flatMap((step, event) => (step.error ? [{ event, explain: step.error.explain }] : []));
  anomalies.rejected = errors.length;
  return {
    name: trace.name ?? '',
    addresses: { A: trace.endpoints.A.address, B: trace.endpoints.B.address },
    packets: sends.length,
    bytes,
    ending: endingOf(sends),
    anomalies,
    valid: replay.valid,
    firstError: errors[0] ?? null,
  };
}

function endingOf(sends: Segment[]): ConnectionEnding {
  const has = (side: Side, flag: 'SYN' | 'FIN' | 'RST') => sends.some((s) => s.from === side && s.flags.includes(flag));
  const synAck = sends.some((s) => s.flags.includes('SYN') && s.flags.includes('ACK'));
  if (has('A', 'RST') || has('B', 'RST')) return synAck ? 'reset' : 'refused';
  // A SYN the peer never answered, whatever the opener sent after it (a Fast Open SYN's data and
  // FIN): the connection was never established, so it was not half-closed either.
  if (!synAck && !sends.some((s) => s.from === 'B')) return 'unanswered';
  if (has('A', 'FIN') && has('B', 'FIN')) return 'closed';
  if (has('A', 'FIN') || has('B', 'FIN')) return 'half_closed';
  if (sends.every((s) => s.flags.includes('SYN') && !s.flags.includes('ACK'))) return 'unanswered';
  return 'open';
}
