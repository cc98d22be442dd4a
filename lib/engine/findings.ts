// What replay reports: a Finding is data (a code, the wrong field, expected and got, and the
// numbers the explanation quotes); the words live in explain/<lang>.ts, keyed by code.
import type { ErrorField } from './types';

export const FINDING_CODES = [
  // flags
  'SYN_AFTER_SYNCHRONIZED',
  'SYN_WITH_FIN',
  'SYN_REQUIRED',
  'SYNACK_REQUIRED',
  'ACK_FLAG_REQUIRED',
  'ACK_FLAG_BEFORE_PEER_SYN',
  'FIN_AFTER_OWN_FIN',
  'FIN_REQUIRED',
  'RST_WITHOUT_ABORT',
  'RST_WITH_SYN_OR_FIN',
  'RST_NOTHING_TO_RESET',
  'RST_ANSWER_ACK_FLAG',
  'CLOSED_SENDS_NOTHING',
  'LISTEN_SENDS_NOTHING',
  // seq
  'SEQ_AFTER_SYN',
  'SEQ_AFTER_DATA',
  'SEQ_AFTER_FIN',
  'SEQ_SYN_RETRANSMIT',
  'SEQ_FIN_RETRANSMIT',
  'SEQ_RST_ANSWER',
  'SEQ_RST_ANSWER_ZERO',
  'SEQ_RST_ABORT',
  'SEQ_REOPEN_ISS',
  // ack
  'ACK_OF_SYN',
  'ACK_OF_DATA',
  'ACK_OF_FIN',
  'ACK_ZERO_WITHOUT_FLAG',
  'ACK_RST_ANSWER',
  // len
  'DATA_AFTER_OWN_FIN',
  'DATA_BEFORE_ESTABLISHED',
  'RETRANSMIT_BEYOND_SENT',
  'RST_WITH_DATA',
  // state
  'STATE_MISMATCH',
  // event
  'UNKNOWN_SEGMENT_ID',
  'DUPLICATE_SEGMENT_ID',
  'SEGMENT_NOT_IN_FLIGHT',
  'RETRANSMIT_TIMER_NOT_RUNNING',
  'TIME_WAIT_TIMER_NOT_RUNNING',
  'APP_CALL_NO_CONNECTION',
  'APP_CALL_CONNECTION_EXISTS',
  'APP_CALL_CONNECTION_CLOSING',
  // Rules that only ever confirm a right answer (ruleOfSend): a segment field they fix cannot be
  // wrong in a way they would explain, so no finding carries them.
  'SEQ_ISN_FREE',
  'SEQ_DATA_RETRANSMIT',
  'SEQ_KEEPALIVE',
  'SYNACK_SIMULTANEOUS',
  'FIN_CLOSES',
  'RST_ABORT',
  'LEN_ANY',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParams = Record<string, string | number>;

/** The first wrong field of one event, as data. */
export interface Finding {
  code: FindingCode;
  field: ErrorField;
  expected: unknown;
  got: unknown;
  params: FindingParams;
}
