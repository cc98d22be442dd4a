// Names the misconception behind a wrong answer, so progress (and later class analytics) can
// count misconceptions, not only items. Classified from the engine's finding and the numbers.
import { segmentOf, seqDiff, seq, type Finding, type Side, type Trace } from '../engine/index';

export const MISCONCEPTIONS = [
  'syn_fin_consume_one',
  'ack_is_next_byte',
  'ack_flag_vs_number',
  'relative_vs_absolute',
  'own_vs_peer_numbers',
  'who_enters_time_wait',
  'close_wait_vs_last_ack',
  'fin_wait_1_vs_2',
  'simultaneous_states',
  'handshake_states',
  'fin_closes_one_direction',
  'syn_only_in_handshake',
  'retransmission_same_seq',
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

const pair = (f: Finding, a: string, b: string): boolean =>
  (f.expected === a && f.got === b) || (f.expected === b && f.got === a);

function classifyState(f: Finding): Misconception {
  if (f.expected === 'TIME_WAIT' || f.got === 'TIME_WAIT') return 'who_enters_time_wait';
  if (pair(f, 'CLOSE_WAIT', 'LAST_ACK')) return 'close_wait_vs_last_ack';
  if (pair(f, 'FIN_WAIT_1', 'FIN_WAIT_2')) return 'fin_wait_1_vs_2';
  if (f.expected === 'CLOSING' || f.got === 'CLOSING') return 'simultaneous_states';
  const handshake = ['LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED'];
  if (handshake.includes(String(f.expected)) && handshake.includes(String(f.got))) return 'handshake_states';
  return 'state_transitions';
}

/** The misconception behind a wrong answer, given the engine's finding. Pure. */
export function classifyMistake(trace: Trace, sender: Side | null, f: Finding): Misconception {
  if (f.field === 'state') return classifyState(f);
  if (f.field === 'seq' || f.field === 'ack') {
    const got = Number(f.got);
    const expected = Number(f.expected);
    const isns = [sender && isnOf(trace, sender), sender && isnOf(trace, sender === 'A' ? 'B' : 'A')].filter((x): x is number => typeof x === 'number');
    if (isns.some((isn) => got !== expected && got === seqDiff(seq(isn), seq(expected)))) return 'relative_vs_absolute';
    if (seqDiff(seq(got), seq(expected)) === 1 && /SYN|FIN/.test(f.code)) return 'syn_fin_consume_one';
  }
  switch (f.code) {
    case 'ACK_OF_DATA':
      return 'ack_is_next_byte';
    case 'ACK_OF_SYN':
    case 'ACK_OF_FIN':
    case 'SEQ_AFTER_SYN':
    case 'SEQ_AFTER_FIN':
      return 'own_vs_peer_numbers';
    case 'SEQ_AFTER_DATA':
      return 'ack_is_next_byte';
    case 'ACK_FLAG_REQUIRED':
    case 'ACK_FLAG_BEFORE_PEER_SYN':
    case 'ACK_ZERO_WITHOUT_FLAG':
      return 'ack_flag_vs_number';
    case 'FIN_REQUIRED':
    case 'FIN_AFTER_OWN_FIN':
      return 'fin_closes_one_direction';
    case 'SYN_AFTER_SYNCHRONIZED':
    case 'SYN_REQUIRED':
    case 'SYNACK_REQUIRED':
    case 'SYN_WITH_FIN':
      return 'syn_only_in_handshake';
    case 'SEQ_SYN_RETRANSMIT':
    case 'SEQ_FIN_RETRANSMIT':
    case 'RETRANSMIT_BEYOND_SENT':
      return 'retransmission_same_seq';
    case 'DATA_AFTER_OWN_FIN':
    case 'DATA_BEFORE_ESTABLISHED':
      return 'data_when_allowed';
    default:
      return f.code.includes('RST') ? 'reset_rules' : 'state_transitions';
  }
}
