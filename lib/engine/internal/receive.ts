// Segment arrival, written in the order of RFC 9293 section 3.10.7: CLOSED, LISTEN and
// SYN-SENT first (3.10.7.1-3), then the "otherwise" states: is it acceptable? RST? SYN? ACK?
// text? FIN? Each step names its rule. The receiver (a draft) is mutated, its state changes go
// into the step's log, and the outcome says what happened, for narration.
import { clearConnection, ownFinAcked, setState, type Endpoint, type MoveLog, type ResetAnswer } from './endpoint';
import { seqAdd, seqDiff, seqGt, seqInRange, seqLe, seqLt, type Seq } from '../seq';
import { wireSpan, type Wire } from './wire';

/**
 * RCV.WND: the trace format carries no window, so a receiver's window is taken as the largest
 * that window scaling allows (RFC 7323: 2^30 bytes); only a segment outside it is unacceptable.
 */
export const RECEIVE_WINDOW = 0x4000_0000;
/** Bounds the memory a hostile trace can make an endpoint hold. */
const MAX_PENDING_RESETS = 8;
const MAX_OUT_OF_ORDER_RANGES = 64;

export type ArrivalOutcome =
  | 'rst_owed' // the segment is answered by a RST (3.10.7.1, 3.10.7.2, unacceptable ACK)
  | 'ignored' // dropped without an answer
  | 'syn_received' // LISTEN or SYN-SENT took the peer's SYN
  | 'established' // the handshake completed here
  | 'refused' // a RST answered our SYN: connection refused
  | 'reset' // a RST in window with seq = RCV.NXT tore the connection down
  | 'challenge_ack' // RFC 5961: a SYN in window is answered by an ACK
  | 'reset_or_challenge' // a RST in window but not exact: may reset (RFC 9293 3.5.3) or draw a challenge ACK (RFC 5961)
  | 'duplicate' // repeats what was already received (a retransmission): acknowledged again, not obeyed
  | 'out_of_window' // beyond the receive window: answered by an ACK, not obeyed
  | 'ack_too_far' // acknowledges something not yet sent: answered by an ACK
  | 'reopen_offered' // a new SYN in TIME_WAIT: may reopen the connection or be answered by an ACK
  | 'accepted'; // processed normally

function owe(e: Endpoint, answer: ResetAnswer): void {
  e.resetAnswers.push(answer);
  if (e.resetAnswers.length > MAX_PENDING_RESETS) e.resetAnswers.shift();
}

/** RFC 9293 3.10.7.1: the reset that answers a segment arriving where no connection exists. */
function resetFor(w: Wire): ResetAnswer {
  const span = wireSpan(w);
  const cause = { seq: w.seq, ack: w.ackNo, span, hadAck: w.ack, basis: w.syn ? ('syn' as const) : w.fin ? ('fin' as const) : ('data' as const) };
  return w.ack
    ? { seq: w.ackNo, withAck: false, ack: 0 as Seq, cause }
    : { seq: 0 as Seq, withAck: true, ack: seqAdd(w.seq, span), cause };
}

/** The four-case acceptability test of RFC 9293 3.10.7.4 (RCV.WND > 0). */
function acceptable(e: Endpoint, w: Wire): boolean {
  const span = wireSpan(w);
  const end = seqAdd(e.rcvNxt, RECEIVE_WINDOW);
  if (span === 0) return seqInRange(w.seq, e.rcvNxt, end);
  return seqInRange(w.seq, e.rcvNxt, end) || seqInRange(seqAdd(w.seq, span - 1), e.rcvNxt, end);
}

function takePeerSyn(e: Endpoint, w: Wire): void {
  e.irs = w.seq;
  e.rcvNxt = seqAdd(w.seq, 1);
  e.synData = w.len;
  e.lastReceived = { kind: 'syn', seq: w.seq, len: 0 };
  e.ackOwed = true;
}

function arriveListen(e: Endpoint, w: Wire, log: MoveLog): ArrivalOutcome {
  if (w.rst) return 'ignored'; // 3.10.7.2 first: an incoming RST should be ignored
  if (w.ack) {
    owe(e, resetFor(w)); // second: any acknowledgment is bad in LISTEN
    return 'rst_owed';
  }
  if (!w.syn) return 'ignored';
  takePeerSyn(e, w); // third: SYN -> SYN-RECEIVED; the ISS is chosen when the SYN,ACK is sent
  setState(e, 'SYN_RECEIVED', log);
  e.passive = true;
  return 'syn_received';
}

function arriveSynSent(e: Endpoint, w: Wire, log: MoveLog): ArrivalOutcome {
  const iss = e.iss;
  // first: an ACK must acknowledge our SYN: ISS < SEG.ACK =< SND.NXT
  if (w.ack && (iss === null || !(seqLt(e.sndUna, w.ackNo) && seqLe(w.ackNo, e.sndNxt)))) {
    if (w.rst) return 'ignored';
    owe(e, resetFor(w));
    return 'rst_owed';
  }
  if (w.rst) {
    // second: a RST with an acceptable ACK means "connection refused"; without ACK, drop it
    if (!w.ack) return 'ignored';
    clearConnection(e, 'CLOSED', log);
    return 'refused';
  }
  if (!w.syn) return 'ignored';
  takePeerSyn(e, w);
  if (w.ack) e.sndUna = w.ackNo;
  if (iss !== null && seqGt(e.sndUna, iss)) {
    setState(e, 'ESTABLISHED', log); // our SYN has been acknowledged
    return 'established';
  }
  setState(e, 'SYN_RECEIVED', log); // simultaneous open: answer with SYN,ACK (RFC 9293 figure 7)
  e.passive = false;
  return 'syn_received';
}

/** Seventh step: in-order text advances RCV.NXT; text beyond a gap waits in the queue. */
function takeText(e: Endpoint, start: Seq, len: number): void {
  const end = seqAdd(start, len);
  if (len > 0) e.dataReceived = true;
  if (seqLe(start, e.rcvNxt)) {
    if (seqGt(end, e.rcvNxt)) {
      e.rcvNxt = end;
      e.lastReceived = { kind: 'data', seq: start, len };
    }
  } else if (e.outOfOrder.length < MAX_OUT_OF_ORDER_RANGES) {
    e.outOfOrder.push([start, end]);
  }
  drainOutOfOrder(e);
  e.ackOwed = true;
}

function drainOutOfOrder(e: Endpoint): void {
  let moved = true;
  while (moved && e.outOfOrder.length > 0) {
    moved = false;
    for (let i = 0; i < e.outOfOrder.length; i++) {
      const [start, end] = e.outOfOrder[i] as [Seq, Seq];
      if (seqGt(start, e.rcvNxt)) continue;
      e.outOfOrder.splice(i, 1);
      if (seqGt(end, e.rcvNxt)) {
        e.lastReceived = { kind: 'data', seq: start, len: seqDiff(start, end) };
        e.rcvNxt = end;
      }
      moved = true;
      break;
    }
  }
}

/** Eighth step: a FIN counts once RCV.NXT reaches it. */
function takeFinIfInOrder(e: Endpoint, log: MoveLog): void {
  if (e.peerFinAt === null || e.peerFinAt !== e.rcvNxt) return;
  e.lastReceived = { kind: 'fin', seq: e.peerFinAt, len: 0 };
  e.rcvNxt = seqAdd(e.rcvNxt, 1);
  e.ackOwed = true;
  switch (e.state) {
    case 'SYN_RECEIVED':
    case 'ESTABLISHED':
      setState(e, 'CLOSE_WAIT', log);
      break;
    case 'FIN_WAIT_1':
      setState(e, ownFinAcked(e) ? 'TIME_WAIT' : 'CLOSING', log);
      break;
    case 'FIN_WAIT_2':
      setState(e, 'TIME_WAIT', log);
      break;
    default:
      break; // CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT: remain
  }
}

function arriveSynchronized(e: Endpoint, w: Wire, log: MoveLog): ArrivalOutcome {
  // Simultaneous open: the peer's SYN,ACK repeats the SYN we already have (seq = IRS). Taken for
  // its ACK, as RFC 9293 figure 7 and real stacks do, although it fails the window test.
  if (e.state === 'SYN_RECEIVED' && w.syn && w.ack && !w.rst && w.seq === e.irs) {
    if (e.iss !== null && seqLt(e.sndUna, w.ackNo) && seqLe(w.ackNo, e.sndNxt)) {
      e.sndUna = w.ackNo;
      setState(e, 'ESTABLISHED', log);
      return 'established';
    }
    owe(e, resetFor(w));
    return 'rst_owed';
  }
  // A new SYN beyond the old connection's numbers, in TIME_WAIT: it may reopen the connection
  // (RFC 1122 4.2.2.13), or be answered like any SYN; the endpoint's reply decides (send.ts).
  if (e.state === 'TIME_WAIT' && w.syn && !w.ack && !w.rst && seqGt(w.seq, e.rcvNxt)) {
    e.reopenSyn = { seq: w.seq, len: w.len };
    e.ackOwed = true;
    return 'reopen_offered';
  }
  // first: sequence number acceptable? Otherwise answer with an ACK (unless RST) and drop.
  // This is also how TIME-WAIT re-acknowledges a retransmitted FIN and how a keep-alive is answered.
  if (!acceptable(e, w)) {
    if (w.rst) return 'ignored';
    e.ackOwed = true;
    return seqLt(w.seq, e.rcvNxt) ? 'duplicate' : 'out_of_window';
  }
  // second: RST. Exactly RCV.NXT resets. Elsewhere in the window the receiver may reset too
  // (RFC 9293 3.5.3; Linux does at the edge of what it received) or answer with a challenge ACK
  // (RFC 5961 3.2): it stays put, owing the ACK, until what it does next shows its choice.
  if (w.rst) {
    const to = e.state === 'SYN_RECEIVED' && e.passive ? 'LISTEN' : 'CLOSED';
    if (w.seq !== e.rcvNxt) {
      e.ackOwed = true;
      e.resetChoice = to;
      return 'reset_or_challenge';
    }
    clearConnection(e, to, log);
    return 'reset';
  }
  // fourth: a SYN in window. A passive SYN-RECEIVED goes back to LISTEN; elsewhere challenge ACK.
  if (w.syn) {
    if (e.state === 'SYN_RECEIVED' && e.passive) {
      clearConnection(e, 'LISTEN', log);
      return 'ignored';
    }
    e.ackOwed = true;
    return 'challenge_ack';
  }
  // fifth: the ACK field. Without ACK the segment is dropped.
  if (!w.ack) return 'ignored';
  let outcome: ArrivalOutcome = 'accepted';
  if (e.state === 'SYN_RECEIVED') {
    if (e.iss === null || !(seqLt(e.sndUna, w.ackNo) && seqLe(w.ackNo, e.sndNxt))) {
      owe(e, resetFor(w));
      return 'rst_owed';
    }
    setState(e, 'ESTABLISHED', log);
    outcome = 'established';
  }
  if (seqGt(w.ackNo, e.sndNxt)) {
    e.ackOwed = true;
    return 'ack_too_far';
  }
  if (seqLt(e.sndUna, w.ackNo)) e.sndUna = w.ackNo;
  const finAcked = ownFinAcked(e);
  if (e.state === 'FIN_WAIT_1' && finAcked) setState(e, 'FIN_WAIT_2', log);
  else if (e.state === 'CLOSING' && finAcked) setState(e, 'TIME_WAIT', log);
  else if (e.state === 'LAST_ACK' && finAcked) {
    clearConnection(e, 'CLOSED', log);
    return outcome;
  }
  // seventh: text, only where the peer has not closed its direction
  if (w.len > 0 && (e.state === 'ESTABLISHED' || e.state === 'FIN_WAIT_1' || e.state === 'FIN_WAIT_2')) {
    takeText(e, w.seq, w.len);
  }
  // eighth: FIN
  if (w.fin && e.peerFinAt === null) e.peerFinAt = seqAdd(w.seq, w.len);
  takeFinIfInOrder(e, log);
  return outcome;
}

/** Delivers segment `w` to endpoint `e` (RFC 9293 3.10.7). */
export function receiveSegment(e: Endpoint, w: Wire, log: MoveLog): ArrivalOutcome {
  // Anything but another RST arriving after an inexact RST finds the endpoint still connected.
  if (!w.rst) e.resetChoice = null;
  switch (e.state) {
    case 'CLOSED':
      if (w.rst) return 'ignored'; // 3.10.7.1: an incoming RST is discarded
      owe(e, resetFor(w));
      return 'rst_owed';
    case 'LISTEN':
      return arriveListen(e, w, log);
    case 'SYN_SENT':
      return arriveSynSent(e, w, log);
    default:
      return arriveSynchronized(e, w, log);
  }
}
