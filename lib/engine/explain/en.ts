import { sum, type MessageTable } from './format';

const WRAP = '(mod 2^32: sequence numbers wrap)';

/** English explanations: one sentence naming the rule and the numbers. */
export const en: MessageTable = {
  SYN_AFTER_SYNCHRONIZED: (p) => `${p.side} is in ${p.state}: its SYN was sent and acknowledged long ago, and a SYN on a synchronized connection is never sent again, so its segments carry no SYN.`,
  SYN_WITH_FIN: (p) => `${p.side} cannot open and close in one segment: a segment carries SYN or FIN, not both.`,
  SYN_REQUIRED: (p) => `${p.side} is in ${p.state} and has not received ${p.peer}'s SYN, so the only segment it can send is its own SYN.`,
  SYNACK_REQUIRED: (p) => `${p.side} has received ${p.peer}'s SYN but not yet sent its own: its next segment is SYN,ACK, which sends its ISN and acknowledges ${p.peer}'s SYN.`,
  ACK_FLAG_REQUIRED: (p) => `${p.side} has received ${p.peer}'s SYN and must acknowledge it, and everything after it: every segment ${p.side} sends from then on has the ACK flag on, with ack = RCV.NXT = ${p.rcvNxt}.`,
  ACK_FLAG_BEFORE_PEER_SYN: (p) => `${p.side} has not received any SYN from ${p.peer} yet, so there is nothing to acknowledge: the ACK flag is off and ack is 0.`,
  FIN_AFTER_OWN_FIN: (p) => `${p.side} has already sent its FIN: a connection direction is closed once.`,
  FIN_REQUIRED: (p) => `${p.side}'s application called close and ${p.side} has no data left to send, so its next segment carries the FIN.`,
  RST_WITHOUT_ABORT: (p) => `${p.side}'s application has not aborted the connection, and a RST on a live connection is only sent by an abort.`,
  RST_WITH_SYN_OR_FIN: (p) => `${p.side} sends a RST alone: a reset is never combined with SYN or FIN.`,
  RST_NOTHING_TO_RESET: (p) => `${p.side} is in ${p.state} with nothing to reset: a RST answers a segment that cannot be accepted or aborts a live connection.`,
  RST_ANSWER_ACK_FLAG: (p, f) =>
    f.expected instanceof Array && f.expected.includes('ACK')
      ? `The segment ${p.side} answers carried no ACK, so the RST acknowledges it: flags RST,ACK with seq 0 and ack = ${sum(p.causeSeq, p.causeSpan, WRAP)} (RFC 9293 3.10.7.1).`
      : `The segment ${p.side} answers carried ACK ${p.causeAck}, so the RST takes that as its seq and carries no ACK flag: flags RST with seq = ${p.causeAck} and ack 0 (RFC 9293 3.10.7.1).`,
  CLOSED_SENDS_NOTHING: (p) => `${p.side} is CLOSED: it has no connection, so it can only open one with a SYN or answer an arriving segment with RST.`,
  LISTEN_SENDS_NOTHING: (p) => `${p.side} is LISTEN: it sends nothing until a SYN arrives (a stray ACK would be answered by RST).`,
  SEQ_AFTER_SYN: (p) =>
    p.len === '0'
      ? `${p.side}'s SYN (seq = ${p.seq}) consumed one sequence number, so its next segment has seq = ${sum(p.seq, 1, WRAP)}.`
      : `${p.side}'s SYN (seq = ${p.seq}) consumed one sequence number and the ${p.len} bytes of data it carried ${p.len} more, so its next segment has seq = ${sum(p.seq, 1 + Number(p.len), WRAP)}.`,
  SEQ_AFTER_DATA: (p) => `${p.side}'s last segment with data started at seq ${p.seq} and carried ${p.len} bytes (a segment without data, SYN or FIN takes no sequence number), so its next segment starts at SND.NXT = ${sum(p.seq, p.len, WRAP)}.`,
  SEQ_AFTER_FIN: (p) => `${p.side}'s FIN (seq = ${p.seq}) consumed one sequence number, so its next segment has seq = ${sum(p.seq, 1, WRAP)}.`,
  SEQ_SYN_RETRANSMIT: (p) => `The retransmitted SYN repeats ${p.side}'s original one: ${p.side}'s ISN is ${p.iss}, so seq = ${p.iss}.`,
  SEQ_FIN_RETRANSMIT: (p) =>
    p.len === '0'
      ? `A retransmission keeps its original seq: ${p.side}'s FIN was first sent at seq ${p.finSeq}, so it is sent again at seq ${p.finSeq}.`
      : `A retransmission keeps its original seq: ${p.side}'s FIN sits at ${p.finSeq}, so a retransmitted FIN with ${p.len} bytes of data starts at ${p.finSeq} - ${p.len}.`,
  SEQ_RST_ANSWER: (p) => `The segment ${p.side} answers acknowledged ${p.causeAck}, so the RST's seq is that ack number: seq = ${p.causeAck} (RFC 9293 3.10.7.1).`,
  SEQ_RST_ANSWER_ZERO: (p) => `The segment ${p.side} answers carried no ACK, so the RST has seq = 0 and acknowledges the segment instead (RFC 9293 3.10.7.1).`,
  SEQ_RST_ABORT: (p) => `An aborting RST is sent at SND.NXT: ${p.side}'s next sequence number is ${p.expected}.`,
  SEQ_REOPEN_ISS: (p) => `${p.side} may reopen a connection from TIME_WAIT only with an ISN above every sequence number of the old one (RFC 1122 4.2.2.13): at least ${p.expected}.`,
  ACK_OF_SYN: (p) => `${p.side} must acknowledge ${p.peer}'s SYN: the SYN consumes one sequence number, so ack = ${sum(p.seq, 1, WRAP)}.`,
  ACK_OF_DATA: (p) => `${p.side} acknowledges every byte received in order: ${p.peer}'s data at seq ${p.seq} with ${p.len} bytes ends before ${p.expected}, so ack = ${sum(p.seq, p.len, WRAP)}.`,
  ACK_WITH_GAP: (p) => `${p.side} is still missing ${p.peer}'s bytes from ${p.expected} on: what arrived beyond that gap (from seq ${p.held}) is kept, but an ACK names the first byte missing, so ${p.side} repeats ack = RCV.NXT = ${p.expected} (a duplicate ACK) until the gap is filled.`,
  ACK_OF_FIN: (p) => `${p.side} must acknowledge ${p.peer}'s FIN: the FIN consumes one sequence number, so ack = ${sum(p.seq, 1, WRAP)}.`,
  ACK_ZERO_WITHOUT_FLAG: (p) => `Without the ACK flag the ack field means nothing and is sent as 0 by ${p.side}.`,
  ACK_RST_ANSWER: (p) => `The RST acknowledges the segment it answers: seq ${p.causeSeq} plus its length ${p.causeSpan} (a SYN or FIN counts one), so ack = ${sum(p.causeSeq, p.causeSpan, WRAP)}.`,
  DATA_AFTER_OWN_FIN: (p) => `${p.side} sent its FIN at seq ${p.finSeq}: no data may follow its own FIN, so len = 0.`,
  DATA_BEFORE_ESTABLISHED: (p) => `${p.side} is in ${p.state}: apart from data riding on a SYN or SYN,ACK, data is sent only once the connection is ESTABLISHED, so len = 0.`,
  RETRANSMIT_BEYOND_SENT: (p) => `A retransmission repeats bytes already sent: ${p.side} has sent up to ${p.limit}, so a segment at ${p.seq} carries at most ${p.limit} - ${p.seq} bytes.`,
  RST_WITH_DATA: (p) => `${p.side}'s RST carries no data: len = 0.`,
  STATE_MISMATCH: (p) => `${p.side} is in ${p.expected}, not ${p.got}, at this point.`,
  UNKNOWN_SEGMENT_ID: (p) => `No segment with id "${p.id}" has been sent, so it cannot arrive or be lost.`,
  DUPLICATE_SEGMENT_ID: (p) => `The id "${p.id}" already names a segment sent earlier; each sent segment needs its own id.`,
  SEGMENT_NOT_IN_FLIGHT: (p) => `Segment "${p.id}" was already ${p.status}; a segment arrives or is lost once.`,
  RETRANSMIT_TIMER_NOT_RUNNING: (p) => `${p.side} has nothing unacknowledged in flight, so its retransmission timer is not running.`,
  TIME_WAIT_TIMER_NOT_RUNNING: (p) => `The 2MSL timer runs only in TIME_WAIT, and ${p.side} is in ${p.state}.`,
  APP_CALL_NO_CONNECTION: (p) => `${p.side} is in ${p.state}: there is no connection for ${p.call} to act on.`,
  APP_CALL_CONNECTION_EXISTS: (p) => `${p.side} is in ${p.state}: ${p.call} needs a CLOSED endpoint (the connection already exists).`,
  APP_CALL_CONNECTION_CLOSING: (p) => `${p.side} is in ${p.state}: it has closed its sending direction, so ${p.call} is refused ("connection closing").`,
  SEQ_ISN_FREE: (p) => `A SYN opens ${p.side}'s direction with an initial sequence number of ${p.side}'s own choosing: any ISN is right, and the peer acknowledges it + 1.`,
  SEQ_DATA_RETRANSMIT: (p) => `A retransmission repeats bytes already sent and not yet acknowledged, from SND.UNA = ${p.una}, the first byte not acknowledged: its seq lies in [SND.UNA, SND.NXT) = [${p.una}, ${p.nxt}).`,
  SEQ_RETRANSMIT_UNA: (p) => `This segment resends the lost bytes: a retransmission reuses the seq of the first byte not yet acknowledged, SND.UNA = ${p.una}, however far SND.NXT (${p.nxt}) has moved on.`,
  SEQ_KEEPALIVE: (p) => `A keep-alive probe on an idle connection repeats the last acknowledged byte: seq = SND.NXT - 1 = ${p.expected} (RFC 9293 3.8.4).`,
  SYNACK_SIMULTANEOUS: (p) => `In a simultaneous open ${p.side} answers ${p.peer}'s SYN with a SYN,ACK that repeats its own SYN (seq = ISS = ${p.iss}) and acknowledges ${p.peer}'s (RFC 9293 figure 7).`,
  FIN_CLOSES: (p) => `A FIN says ${p.side}'s application has closed its sending side (a close or shutdown, shown or not); like every segment after ${p.peer}'s SYN it carries ACK.`,
  RST_ABORT: (p) => `${p.side}'s application aborts the connection: one RST at SND.NXT = ${p.expected}, with or without ACK (with ACK, ack = RCV.NXT), and the connection is gone at once (RFC 9293 3.10.5).`,
  LEN_ANY: (p) => `${p.side} may send new data here: a segment carries as many new bytes as ${p.side} chooses, within the peer's window.`,
};
