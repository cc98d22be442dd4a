// What replay reports: a Finding is data (a code, the wrong field, expected and got, and the
// numbers the explanation quotes); the words live in explain/<lang>.ts, keyed by code.
import type { AppCall, ErrorField, Side, TcpState, TimerName } from './types';

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
  'ACK_WITH_GAP',
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
  'SEQ_RETRANSMIT_UNA',
  'SEQ_KEEPALIVE',
  'SYNACK_SIMULTANEOUS',
  'FIN_CLOSES',
  'RST_ABORT',
  'LEN_ANY',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * Who sends and where it stands: every sender's finding carries these, so a misconception can be
 * read off the numbers (a seq equal to RCV.NXT mixes up own and peer numbers).
 */
export interface SenderParams {
  side: Side;
  peer: Side;
  state: TcpState;
  sndNxt: number;
  rcvNxt: number;
}
/** A finding about a RST says so, whatever its field, so its misconception is the reset rules. */
interface ResetParams extends SenderParams {
  segment: 'rst';
}
/** What advanced a number the right answer counts from: a SYN or FIN counts one, data its length. */
export type CountedBasis = 'syn' | 'data' | 'fin';
/** A seq or ack counted from the last segment that advanced it. */
interface CountedParams extends SenderParams {
  expected: number;
  seq: number;
  len: number;
  basis: CountedBasis;
}
/** A RST answering a segment takes its numbers from that segment (RFC 9293 3.10.7.1). */
interface ResetAnswerParams extends ResetParams {
  expected: number;
  causeSeq: number;
  causeAck: number;
  causeSpan: number;
  basis: CountedBasis;
}
/** An application call or a timer that cannot happen in the endpoint's state. */
interface CallParams {
  side: Side;
  peer: Side;
  state: TcpState;
  call: AppCall | TimerName;
}
type WithExpected = SenderParams & { expected: number };
type WithIss = SenderParams & { iss: number };
type WithFinSeq = SenderParams & { finSeq: number };

/**
 * The numbers and names each code's explanation quotes. Every place that builds a finding or
 * words one is checked against this table by the compiler, so a message cannot quote a param its
 * code never carries.
 */
export interface FindingParamsByCode {
  SYN_AFTER_SYNCHRONIZED: SenderParams;
  SYN_WITH_FIN: SenderParams;
  SYN_REQUIRED: SenderParams;
  SYNACK_REQUIRED: SenderParams;
  ACK_FLAG_REQUIRED: SenderParams;
  ACK_FLAG_BEFORE_PEER_SYN: SenderParams;
  FIN_AFTER_OWN_FIN: WithFinSeq;
  FIN_REQUIRED: SenderParams;
  RST_WITHOUT_ABORT: ResetParams;
  RST_WITH_SYN_OR_FIN: ResetParams;
  RST_NOTHING_TO_RESET: ResetParams;
  RST_ANSWER_ACK_FLAG: ResetAnswerParams;
  CLOSED_SENDS_NOTHING: SenderParams;
  LISTEN_SENDS_NOTHING: SenderParams;
  SEQ_AFTER_SYN: CountedParams;
  SEQ_AFTER_DATA: CountedParams;
  SEQ_AFTER_FIN: CountedParams;
  SEQ_SYN_RETRANSMIT: WithIss;
  SEQ_FIN_RETRANSMIT: WithFinSeq & { len: number };
  SEQ_RST_ANSWER: ResetAnswerParams;
  SEQ_RST_ANSWER_ZERO: ResetAnswerParams;
  SEQ_RST_ABORT: ResetParams & { expected: number };
  SEQ_REOPEN_ISS: WithExpected;
  ACK_OF_SYN: CountedParams;
  ACK_OF_DATA: CountedParams;
  /** `held`: the first byte received beyond the gap, which RCV.NXT cannot pass yet. */
  ACK_WITH_GAP: CountedParams & { held: number };
  ACK_OF_FIN: CountedParams;
  // a RST's own finding, or an ordinary segment's
  ACK_ZERO_WITHOUT_FLAG: SenderParams | ResetParams;
  ACK_RST_ANSWER: ResetAnswerParams;
  DATA_AFTER_OWN_FIN: WithFinSeq;
  DATA_BEFORE_ESTABLISHED: SenderParams;
  RETRANSMIT_BEYOND_SENT: SenderParams & { seq: number; limit: number };
  RST_WITH_DATA: SenderParams | ResetParams;
  STATE_MISMATCH: { side: Side; expected: TcpState; got: TcpState };
  UNKNOWN_SEGMENT_ID: { id: string };
  DUPLICATE_SEGMENT_ID: { id: string };
  SEGMENT_NOT_IN_FLIGHT: { id: string; status: 'delivered' | 'dropped' };
  RETRANSMIT_TIMER_NOT_RUNNING: CallParams;
  TIME_WAIT_TIMER_NOT_RUNNING: CallParams;
  APP_CALL_NO_CONNECTION: CallParams;
  APP_CALL_CONNECTION_EXISTS: CallParams;
  APP_CALL_CONNECTION_CLOSING: CallParams;
  SEQ_ISN_FREE: SenderParams;
  SEQ_DATA_RETRANSMIT: SenderParams & { una: number; nxt: number };
  SEQ_RETRANSMIT_UNA: WithExpected & { una: number; nxt: number };
  SEQ_KEEPALIVE: WithExpected & { nxt: number };
  SYNACK_SIMULTANEOUS: WithIss;
  FIN_CLOSES: SenderParams;
  RST_ABORT: WithExpected;
  LEN_ANY: SenderParams;
}

/** One code's finding. With a union `C` it is checked member by member where it is returned. */
export interface FindingOf<C extends FindingCode> {
  code: C;
  field: ErrorField;
  expected: unknown;
  got: unknown;
  params: FindingParamsByCode[C];
}

/** The first wrong field of one event, as data: a union by code, so `params` follows `code`. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

type AnyParams = FindingParamsByCode[FindingCode];
type KeyOfAny<T> = T extends unknown ? keyof T : never;
type ValueIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Any finding's params read without first switching on its code: each name optional, typed as where it occurs. */
export type SomeFindingParams = { [K in KeyOfAny<AnyParams>]?: ValueIn<AnyParams, K> };

/** Builds a finding whose params are checked against its code's row in FindingParamsByCode. Pure. */
export function findingOf<C extends FindingCode>(code: C, field: ErrorField, expected: unknown, got: unknown, params: FindingParamsByCode[C]): FindingOf<C> {
  return { code, field, expected, got, params };
}
