// Names the misconception behind a wrong answer, so progress (and later class analytics) can
// count misconceptions, not only items. Read off the finding's own fields: the field that is
// wrong, what was expected and what was given, and the numbers the engine attaches (SND.NXT,
// RCV.NXT, what the right number counts from), never by matching code names.
import { otherSide, segmentOf, seqDiff, seq, type Finding, type Flag, type SomeFindingParams, type Side, type Trace } from '../engine/index';

export const MISCONCEPTIONS = [
  'syn_fin_consume_one',
  'ack_is_next_byte',
  'acks_out_of_order',
  'seq_counts_bytes',
  'ack_flag_vs_number',
  'relative_vs_absolute',
  'own_vs_peer_numbers',
  'server_sends_own_syn',
  'who_enters_time_wait',
  'time_wait_lasts_2msl',
  'close_wait_vs_last_ack',
  'fin_wait_1_vs_2',
  'simultaneous_states',
  'closing_only_crossed_fins',
  'handshake_states',
  'fin_closes_one_direction',
  'syn_only_in_handshake',
  'retransmission_same_seq',
  'retransmit_only_the_gap',
  'reset_rules',
  'data_when_allowed',
  'state_transitions',
] as const;
export type Misconception = (typeof MISCONCEPTIONS)[number];

function isnOf(trace: Trace, side: Side): number | null {
  for (const e of trace.events) {
    const s = segmentOf(e);
    if (s && s.from === side && s.flags.includes('SYN')) return s.seq;
  }
  return null;
}

const pair = (f: Finding, a: string, b: string): boolean => (f.expected === a && f.got === b) || (f.expected === b && f.got === a);
const either = (f: Finding, s: string): boolean => f.expected === s || f.got === s;

function classifyState(f: Finding): Misconception {
  // CLOSING given where it is not: the reverse mistake of missing it when the FINs cross
  if (f.got === 'CLOSING') return 'closing_only_crossed_fins';
  if (either(f, 'CLOSING')) return 'simultaneous_states';
  // TIME_WAIT given to the side that closed second (it is in LAST_ACK, CLOSE_WAIT or already CLOSED), or the reverse
  if (f.got === 'TIME_WAIT' && ['LAST_ACK', 'CLOSE_WAIT', 'CLOSED'].includes(String(f.expected))) return 'who_enters_time_wait';
  if (f.expected === 'TIME_WAIT' && ['LAST_ACK', 'CLOSE_WAIT'].includes(String(f.got))) return 'who_enters_time_wait';
  if (f.expected === 'TIME_WAIT') return 'time_wait_lasts_2msl';
  if (pair(f, 'CLOSE_WAIT', 'LAST_ACK')) return 'close_wait_vs_last_ack';
  if (pair(f, 'FIN_WAIT_1', 'FIN_WAIT_2')) return 'fin_wait_1_vs_2';
  const handshake = ['LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED'];
  if (handshake.includes(String(f.expected)) && handshake.includes(String(f.got))) return 'handshake_states';
  return 'state_transitions';
}

const flagSet = (v: unknown): Set<Flag> => new Set(Array.isArray(v) ? (v as Flag[]) : []);

/** A flags mistake, by which flag the answer has that the rule does not want, or lacks. */
function classifyFlags(f: Finding): Misconception {
  const want = flagSet(f.expected);
  const got = flagSet(f.got);
  const differs = (flag: Flag) => want.has(flag) !== got.has(flag);
  if (want.has('RST') || got.has('RST')) return 'reset_rules';
  if (want.has('SYN') && !got.has('SYN')) return 'server_sends_own_syn';
  if (got.has('SYN') && !want.has('SYN')) return 'syn_only_in_handshake';
  if (differs('FIN')) return 'fin_closes_one_direction';
  if (differs('ACK')) return 'ack_flag_vs_number';
  return 'state_transitions';
}

/** A wrong seq or ack, by how the number given relates to the right one. */
function classifyNumber(trace: Trace, sender: Side | null, f: Finding): Misconception {
  const got = seq(Number(f.got));
  const expected = seq(Number(f.expected));
  const off = seqDiff(expected, got);
  const p: SomeFindingParams = f.params;
  if (f.field === 'ack' && f.expected === 0) return 'ack_flag_vs_number';
  // the number of the other direction: own and peer numbers swapped
  const peerNumber = f.field === 'seq' ? p.rcvNxt : p.sndNxt;
  if (peerNumber !== undefined && got === seq(Number(peerNumber)) && off !== 0) return 'own_vs_peer_numbers';
  // a capture tool's relative numbers: seq counted from the sender's ISN, ack from the peer's
  const counter = sender === null ? null : f.field === 'seq' ? sender : otherSide(sender);
  const isn = counter === null ? null : isnOf(trace, counter);
  if (isn !== null && got === seqDiff(seq(isn), expected)) return 'relative_vs_absolute';
  // data beyond a gap acknowledged as if it had come in order: the ack may not pass the first missing byte
  if (f.field === 'ack' && p.held !== undefined && off > 0) return 'acks_out_of_order';
  const countsOne = p.basis === 'syn' || p.basis === 'fin';
  // a RST's numbers follow the segment it answers or its own SND.NXT
  if (p.causeSeq !== undefined || p.segment === 'rst') return f.field === 'ack' && countsOne && Math.abs(off) === 1 ? 'syn_fin_consume_one' : 'reset_rules';
  // a retransmission keeps the seq of what it repeats (a SYN's ISN, a FIN's seq, data's SND.UNA); the answer moved on
  if (p.finSeq !== undefined || p.iss !== undefined || p.una !== undefined) return 'retransmission_same_seq';
  if (countsOne && Math.abs(off) === 1) return 'syn_fin_consume_one';
  // data counted as if it took a number of its own, like a SYN or FIN
  if (!countsOne && off === 1) return f.field === 'seq' ? 'syn_fin_consume_one' : 'ack_is_next_byte';
  return f.field === 'ack' ? 'ack_is_next_byte' : 'seq_counts_bytes';
}

/** A wrong length: data where none may go, or more than a retransmission repeats. */
function classifyLen(f: Finding): Misconception {
  const p: SomeFindingParams = f.params;
  if (p.limit !== undefined) return 'retransmission_same_seq';
  if (p.segment === 'rst') return 'reset_rules';
  return 'data_when_allowed';
}

/** The misconception behind a wrong answer, given the engine's finding. Pure. */
export function classifyMistake(trace: Trace, sender: Side | null, f: Finding): Misconception {
  switch (f.field) {
    case 'state':
      return classifyState(f);
    case 'flags':
      return classifyFlags(f);
    case 'seq':
    case 'ack':
      return classifyNumber(trace, sender, f);
    case 'len':
      return classifyLen(f);
    case 'event':
      return 'state_transitions';
  }
}
