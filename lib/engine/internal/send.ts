// Checking a segment an endpoint sends, against that endpoint's own variables at that moment
// (the rules under "What replay enforces" in the trace format), and moving the sender on.
// Checks run in the order the format names fields: flags, seq, ack, len; the first wrong one
// is returned as a Finding and the sender is left unchanged, except after a wrong ack alone
// (see sendOrdinary).
import { clearConnection, maySendData, setState, type AbortReset, type Endpoint, type LastReceived, type MoveLog, type ResetAnswer } from './endpoint';
import { findingOf, type Finding, type FindingCode, type FindingOf, type CountedBasis, type FindingParamsByCode, type SenderParams } from '../findings';
import { canonicalFlags, withFlag } from '../segments';
import { seqAdd, seqDiff, seqGe, seqGt, seqInRange, type Seq } from '../seq';
import { otherSide, type ErrorField, type Flag } from '../types';
import type { Wire } from './wire';

/**
 * What every finding of a sender carries: who and where, and its SND.NXT and RCV.NXT, so a
 * misconception can be read off the numbers (a seq equal to RCV.NXT mixes up own and peer numbers).
 */
function baseParams(e: Endpoint): SenderParams {
  return { side: e.side, peer: otherSide(e.side), state: e.state, sndNxt: e.sndNxt, rcvNxt: e.rcvNxt };
}

/** A RST answering a segment is explained by that segment's numbers (RFC 9293 3.10.7.1). */
function resetAnswerParams(e: Endpoint, pending: ResetAnswer): FindingParamsByCode['RST_ANSWER_ACK_FLAG'] {
  const { seq, ack, span, basis } = pending.cause;
  return { ...baseParams(e), segment: 'rst', expected: pending.seq, causeSeq: seq, causeAck: ack, causeSpan: span, basis };
}

/** The flags an endpoint in this state would ordinarily send: the "expected" of a bad flag set. */
function usualFlags(e: Endpoint): Flag[] {
  if (e.state === 'CLOSED' || e.state === 'LISTEN' || e.state === 'SYN_SENT') return ['SYN'];
  if (e.state === 'SYN_RECEIVED' && e.iss === null) return ['SYN', 'ACK'];
  return ['ACK'];
}

/**
 * The RST a CLOSED endpoint owes, if any: one answering a segment that arrived (RST,ACK when that
 * segment had no ACK, RFC 9293 3.10.7.1), or the one its abort sends.
 */
function closedReply(e: Endpoint): Flag[] | null {
  const pending = e.resetAnswers[e.resetAnswers.length - 1];
  if (pending) return pending.withAck ? ['RST', 'ACK'] : ['RST'];
  return e.abortReset ? ['RST'] : null;
}

/** Explains a wrong ack by what last advanced RCV.NXT (a SYN, data, or a FIN). */
function ackFinding(e: Endpoint, got: Seq, expected: Seq, last: LastReceived | null): Finding {
  const params = { ...baseParams(e), expected, seq: last?.seq ?? 0, len: last?.len ?? 0, basis: last?.kind ?? 'syn' };
  // Data held beyond a gap: the point is the missing bytes, not the segment that arrived last.
  const held = e.outOfOrder[0];
  if (held && last?.kind !== 'fin') return findingOf('ACK_WITH_GAP', 'ack', expected, got, { ...params, basis: 'data', held: held[0] });
  const code = last?.kind === 'fin' ? 'ACK_OF_FIN' : last?.kind === 'data' ? 'ACK_OF_DATA' : 'ACK_OF_SYN';
  return findingOf(code, 'ack', expected, got, params);
}

/** Explains a wrong seq by the segment that last advanced SND.NXT. */
function seqFinding(e: Endpoint, w: Wire): Finding {
  const last = e.lastSent;
  const basis: CountedBasis = last?.fin ? 'fin' : last?.syn && last.len === 0 ? 'syn' : 'data';
  const params = { ...baseParams(e), expected: e.sndNxt, seq: last?.seq ?? 0, len: last?.len ?? 0, basis };
  // A SYN carrying data (Fast Open) counts one for the SYN and then its bytes: SEQ_AFTER_SYN says both.
  const code = last?.fin ? 'SEQ_AFTER_FIN' : last?.syn ? 'SEQ_AFTER_SYN' : 'SEQ_AFTER_DATA';
  return findingOf(code, 'seq', e.sndNxt, w.seq, params);
}

/**
 * Checks `ack` against RCV.NXT, where data that rode on the peer's SYN may be acknowledged or not
 * (see Endpoint.synData); returns the finding, or how many SYN data bytes this ack takes.
 */
function checkAck(e: Endpoint, ackNo: Seq): Finding | number {
  if (ackNo === e.rcvNxt) return 0;
  if (e.synData > 0 && ackNo === seqAdd(e.rcvNxt, e.synData)) return e.synData;
  return ackFinding(e, ackNo, e.rcvNxt, e.lastReceived);
}

/** Once a legal segment is sent, its ack settles whether the peer's SYN data was taken. */
function settleSynData(e: Endpoint, taken: number): void {
  if (e.synData === 0) return;
  if (taken > 0) {
    e.lastReceived = { kind: 'data', seq: e.rcvNxt, len: taken };
    e.dataReceived = true;
    e.rcvNxt = seqAdd(e.rcvNxt, taken);
    // RFC 7413: a Fast Open server that took the SYN's data may answer with data before the
    // handshake completes.
    if (e.state === 'SYN_RECEIVED') e.fastOpen = true;
  }
  e.synData = 0;
}

function startConnection(e: Endpoint, w: Wire): void {
  e.iss = w.seq;
  e.sndUna = w.seq;
  e.sndNxt = seqAdd(w.seq, 1 + w.len);
  e.lastSent = { seq: w.seq, len: w.len, syn: true, fin: false };
}

/** The RST an endpoint may send to abort (RFC 9293 3.10.5 ABORT), if any: seq = SND.NXT. */
function abortReset(e: Endpoint): AbortReset | null {
  if (e.state === 'CLOSED') return e.abortReset;
  const synchronizedEnough =
    e.iss !== null &&
    e.irs !== null &&
    e.state !== 'TIME_WAIT' &&
    e.state !== 'LISTEN' &&
    e.state !== 'SYN_SENT';
  return synchronizedEnough ? { seq: e.sndNxt, ack: e.rcvNxt, last: e.lastReceived } : null;
}

function sendReset(e: Endpoint, w: Wire, log: MoveLog): Finding | null {
  const params = { ...baseParams(e), segment: 'rst' as const };
  if (w.syn || w.fin) {
    return findingOf('RST_WITH_SYN_OR_FIN', 'flags', canonicalFlags(w.flags.filter((f) => f !== 'SYN' && f !== 'FIN')), w.flags, params);
  }
  const answered = e.resetAnswers.findIndex(
    (r) => r.seq === w.seq && r.withAck === w.ack && (r.withAck ? r.ack === w.ackNo : w.ackNo === 0),
  );
  if (answered >= 0 && w.len === 0) {
    e.resetAnswers.splice(answered, 1);
    return null;
  }
  const pending = e.resetAnswers[e.resetAnswers.length - 1];
  if (pending) {
    const causeParams = resetAnswerParams(e, pending);
    if (w.ack !== pending.withAck) {
      return findingOf('RST_ANSWER_ACK_FLAG', 'flags', pending.withAck ? ['RST', 'ACK'] : ['RST'], w.flags, causeParams);
    }
    if (w.seq !== pending.seq) {
      return findingOf(pending.withAck ? 'SEQ_RST_ANSWER_ZERO' : 'SEQ_RST_ANSWER', 'seq', pending.seq, w.seq, causeParams);
    }
    if (pending.withAck) return findingOf('ACK_RST_ANSWER', 'ack', pending.ack, w.ackNo, { ...causeParams, expected: pending.ack });
    if (w.ackNo !== 0) return findingOf('ACK_ZERO_WITHOUT_FLAG', 'ack', 0, w.ackNo, params);
    return findingOf('RST_WITH_DATA', 'len', 0, w.len, params);
  }
  const abort = abortReset(e);
  if (!abort) return findingOf('RST_NOTHING_TO_RESET', 'flags', usualFlags(e), w.flags, params);
  // With the calls shown, a RST needs an abort, or a close that leaves arriving data unread
  // (received before the close or after it; a close with nothing received sends a FIN).
  if (e.callsShown && e.state !== 'CLOSED' && !(e.appClosed && e.dataReceived)) return findingOf('RST_WITHOUT_ABORT', 'flags', usualFlags(e), w.flags, params);
  if (w.seq !== abort.seq) return findingOf('SEQ_RST_ABORT', 'seq', abort.seq, w.seq, { ...params, expected: abort.seq });
  if (w.ack && w.ackNo !== abort.ack) return ackFinding(e, w.ackNo, abort.ack, abort.last);
  if (!w.ack && w.ackNo !== 0) return findingOf('ACK_ZERO_WITHOUT_FLAG', 'ack', 0, w.ackNo, params);
  if (w.len !== 0) return findingOf('RST_WITH_DATA', 'len', 0, w.len, params);
  // Sending a RST on a live connection is an ABORT, whether or not the trace showed the call.
  if (e.state === 'CLOSED') e.abortReset = null;
  else clearConnection(e, 'CLOSED', log);
  return null;
}

function sendSyn(e: Endpoint, w: Wire, log: MoveLog): Finding | null {
  const params = baseParams(e);
  if (w.fin) return findingOf('SYN_WITH_FIN', 'flags', withFlag(w.flags, 'FIN', false), w.flags, params);
  switch (e.state) {
    case 'CLOSED':
    case 'LISTEN':
    case 'SYN_SENT': {
      // Active open (RFC 9293 3.10.1 OPEN; SEND in LISTEN turns a passive open active).
      // A closed port that a SYN reached owes a RST, not a SYN,ACK: say that, not "no SYN received".
      const owed = e.state === 'CLOSED' && w.ack ? closedReply(e) : null;
      if (owed) return findingOf('CLOSED_SENDS_NOTHING', 'flags', owed, w.flags, params);
      if (w.ack) return findingOf('ACK_FLAG_BEFORE_PEER_SYN', 'flags', withFlag(w.flags, 'ACK', false), w.flags, params);
      if (w.ackNo !== 0) return findingOf('ACK_ZERO_WITHOUT_FLAG', 'ack', 0, w.ackNo, params);
      if (e.state !== 'SYN_SENT' || e.iss === null) {
        if (e.state !== 'SYN_SENT') clearConnection(e, 'CLOSED', log);
        setState(e, 'SYN_SENT', log);
        startConnection(e, w);
        return null;
      }
      return checkSynRetransmission(e, w);
    }
    case 'SYN_RECEIVED': {
      if (!w.ack) return findingOf('ACK_FLAG_REQUIRED', 'flags', withFlag(w.flags, 'ACK', true), w.flags, params);
      if (e.iss !== null && w.seq !== e.iss) return findingOf('SEQ_SYN_RETRANSMIT', 'seq', e.iss, w.seq, { ...params, iss: e.iss });
      const taken = checkAck(e, w.ackNo);
      if (typeof taken !== 'number') return taken;
      if (e.iss === null) startConnection(e, w);
      else {
        const problem = checkSynRetransmission(e, w);
        if (problem) return problem;
      }
      e.ackOwed = false;
      settleSynData(e, taken);
      return null;
    }
    case 'TIME_WAIT':
      if (e.reopenSyn && w.ack) return reopenFromTimeWait(e, w, e.reopenSyn, log);
      return findingOf('SYN_AFTER_SYNCHRONIZED', 'flags', withFlag(w.flags, 'SYN', false), w.flags, params);
    default:
      return findingOf('SYN_AFTER_SYNCHRONIZED', 'flags', withFlag(w.flags, 'SYN', false), w.flags, params);
  }
}

/**
 * RFC 1122 4.2.2.13: a TIME_WAIT endpoint may accept a new SYN, with an ISN above every sequence
 * number of the old connection, and becomes SYN_RECEIVED of the new one.
 */
function reopenFromTimeWait(e: Endpoint, w: Wire, syn: { seq: Seq; len: number }, log: MoveLog): Finding | null {
  const oldNext = e.sndNxt;
  const rcvNxt = seqAdd(syn.seq, 1);
  if (!seqGe(w.seq, oldNext)) return findingOf('SEQ_REOPEN_ISS', 'seq', oldNext, w.seq, { ...baseParams(e), expected: oldNext });
  if (w.ackNo !== rcvNxt) return ackFinding(e, w.ackNo, rcvNxt, { kind: 'syn', seq: syn.seq, len: 0 });
  clearConnection(e, 'LISTEN', log);
  setState(e, 'SYN_RECEIVED', log);
  e.passive = true;
  e.irs = syn.seq;
  e.rcvNxt = rcvNxt;
  e.lastReceived = { kind: 'syn', seq: syn.seq, len: 0 };
  startConnection(e, w);
  return null;
}

function checkSynRetransmission(e: Endpoint, w: Wire): Finding | null {
  const iss = e.iss as Seq;
  if (w.seq !== iss) return findingOf('SEQ_SYN_RETRANSMIT', 'seq', iss, w.seq, { ...baseParams(e), iss });
  const sentData = seqDiff(iss, e.sndNxt) - 1;
  if (w.len > sentData) {
    return findingOf('RETRANSMIT_BEYOND_SENT', 'len', sentData, w.len, { ...baseParams(e), seq: iss, limit: e.sndNxt });
  }
  return null;
}

type OrdinaryKind = 'new' | 'retransmit' | 'keepalive';

function classifyOrdinary(e: Endpoint, w: Wire): OrdinaryKind | Finding {
  const { sndUna: una, sndNxt: nxt } = e;
  if (w.fin && e.finSeq !== null) {
    if (w.seq === nxt && w.len === 0) {
      return findingOf('FIN_AFTER_OWN_FIN', 'flags', withFlag(w.flags, 'FIN', false), w.flags, { ...baseParams(e), finSeq: e.finSeq });
    }
    if (seqAdd(w.seq, w.len) !== e.finSeq) return finRetransmitSeqFinding(e, w, w.seq);
    return 'retransmit';
  }
  if (w.seq === nxt) return 'new';
  if (w.len > 0 && seqInRange(w.seq, una, nxt)) return 'retransmit';
  // RFC 9293 3.8.4: a keep-alive probe repeats the last acknowledged octet (or none). Only on an
  // idle connection: a sender that owes an ACK is answering, not probing.
  if (e.sentAfterSyn && !e.ackOwed && w.seq === seqAdd(nxt, -1) && una === nxt && w.len <= 1 && !w.fin && e.finSeq === null) return 'keepalive';
  return seqFinding(e, w);
}

function sendOrdinary(e: Endpoint, w: Wire, log: MoveLog): Finding | null {
  const params = baseParams(e);
  const pendingRst = e.resetAnswers[e.resetAnswers.length - 1];
  switch (e.state) {
    case 'CLOSED':
      return findingOf('CLOSED_SENDS_NOTHING', 'flags', closedReply(e) ?? ['SYN'], w.flags, params);
    case 'LISTEN':
      if (pendingRst) return findingOf('LISTEN_SENDS_NOTHING', 'flags', ['RST'], w.flags, params);
      return findingOf('LISTEN_SENDS_NOTHING', 'event', null, w.flags, params);
    case 'SYN_SENT':
      return findingOf('SYN_REQUIRED', 'flags', ['SYN'], w.flags, params);
    case 'SYN_RECEIVED':
      if (e.iss === null) return findingOf('SYNACK_REQUIRED', 'flags', ['SYN', 'ACK'], w.flags, params);
      break;
    default:
      break;
  }
  if (!w.ack) return findingOf('ACK_FLAG_REQUIRED', 'flags', withFlag(w.flags, 'ACK', true), w.flags, params);
  // After CLOSE the FIN is owed: a segment carrying nothing (no data, no FIN) is only
  // legitimate when there is something to acknowledge. A FIN without a close shown implies one,
  // even where other calls of the endpoint are shown (the trace format's "Application calls").
  if (!w.fin && e.finOwed && e.finSeq === null && w.len === 0 && !e.ackOwed) {
    return findingOf('FIN_REQUIRED', 'flags', withFlag(w.flags, 'FIN', true), w.flags, params);
  }
  const kind = classifyOrdinary(e, w);
  if (typeof kind !== 'string') return kind;
  const taken = checkAck(e, w.ackNo);
  const lenProblem = checkOrdinaryLen(e, w, kind, params);
  if (typeof taken !== 'number') {
    // A wrong ack does not change what the sender has sent: it moves on by the segment's seq and
    // length, so one wrong ack is one error, not a cascade through every later segment.
    if (lenProblem === null && kind === 'new') advanceSender(e, w, log);
    return taken;
  }
  if (lenProblem) return lenProblem;
  if (kind === 'new') advanceSender(e, w, log);
  settleSynData(e, taken);
  e.ackOwed = false;
  e.sentAfterSyn = true;
  return null;
}

function checkOrdinaryLen(e: Endpoint, w: Wire, kind: OrdinaryKind, params: SenderParams): Finding | null {
  if (kind === 'new' && w.len > 0) {
    if (e.finSeq !== null) return findingOf('DATA_AFTER_OWN_FIN', 'len', 0, w.len, { ...params, finSeq: e.finSeq });
    if (!maySendData(e)) return findingOf('DATA_BEFORE_ESTABLISHED', 'len', 0, w.len, params);
  }
  if (kind === 'retransmit' && !w.fin) {
    const limit = e.finSeq ?? e.sndNxt;
    if (seqGt(seqAdd(w.seq, w.len), limit)) {
      return findingOf('RETRANSMIT_BEYOND_SENT', 'len', seqDiff(w.seq, limit), w.len, { ...params, seq: w.seq, limit });
    }
  }
  return null;
}

function advanceSender(e: Endpoint, w: Wire, log: MoveLog): void {
  const span = w.len + (w.fin ? 1 : 0);
  if (span === 0) return;
  e.sndNxt = seqAdd(w.seq, span);
  e.lastSent = { seq: w.seq, len: w.len, syn: false, fin: w.fin };
  if (!w.fin) return;
  e.finSeq = seqAdd(w.seq, w.len);
  e.finOwed = false;
  // A FIN without a CLOSE call in the trace implies one (RFC 9293 3.10.4).
  if (e.state === 'ESTABLISHED' || e.state === 'SYN_RECEIVED') setState(e, 'FIN_WAIT_1', log);
  else if (e.state === 'CLOSE_WAIT') setState(e, 'LAST_ACK', log);
}

/** Checks a segment `e` sends and, when it is legal, applies it to `e`. */
export function sendSegment(e: Endpoint, w: Wire, log: MoveLog): Finding | null {
  const problem = w.rst ? sendReset(e, w, log) : w.syn ? sendSyn(e, w, log) : sendOrdinary(e, w, log);
  // Sending shows an endpoint that was offered a reset (Endpoint.resetChoice) did not take it.
  if (problem === null) e.resetChoice = null;
  return problem;
}


type SegmentField = 'flags' | 'seq' | 'ack' | 'len';

function rule<C extends FindingCode>(code: C, field: ErrorField, value: unknown, params: FindingOf<C>['params']): FindingOf<C> {
  return findingOf(code, field, value, value, params);
}

/**
 * The rule that fixes `field` of a segment `e` may legally send now, as a Finding whose expected
 * and got are both the value sent: what confirms a right answer ("ack = 1000 + 1 because the SYN
 * takes one number"). Call it before sendSegment applies the segment. Pure: reads `e` only.
 */
export function ruleOfSend(e: Endpoint, w: Wire, field: SegmentField): Finding {
  const params = baseParams(e);
  const pending = w.rst ? e.resetAnswers.find((r) => r.seq === w.seq && r.withAck === w.ack) : undefined;
  if (pending) {
    const causeParams = resetAnswerParams(e, pending);
    if (field === 'flags') return rule('RST_ANSWER_ACK_FLAG', field, w.flags, causeParams);
    if (field === 'seq') return rule(pending.withAck ? 'SEQ_RST_ANSWER_ZERO' : 'SEQ_RST_ANSWER', field, w.seq, causeParams);
    if (field === 'ack') return pending.withAck ? rule('ACK_RST_ANSWER', field, w.ackNo, { ...causeParams, expected: pending.ack }) : rule('ACK_ZERO_WITHOUT_FLAG', field, 0, params);
    return rule('RST_WITH_DATA', field, 0, params);
  }
  if (w.rst) {
    const abort = abortReset(e);
    if (field === 'flags' || field === 'seq') return rule('RST_ABORT', field, field === 'seq' ? w.seq : w.flags, { ...params, expected: abort?.seq ?? w.seq });
    if (field === 'len') return rule('RST_WITH_DATA', field, 0, params);
    if (!w.ack) return rule('ACK_ZERO_WITHOUT_FLAG', field, 0, params);
    return ackFinding(e, w.ackNo, w.ackNo, abort?.last ?? e.lastReceived);
  }
  switch (field) {
    case 'flags':
      return flagsRule(e, w, params);
    case 'seq':
      return seqRule(e, w, params);
    case 'ack':
      if (!w.ack) return rule(e.irs === null ? 'ACK_FLAG_BEFORE_PEER_SYN' : 'ACK_ZERO_WITHOUT_FLAG', field, 0, params);
      if (e.state === 'TIME_WAIT' && e.reopenSyn) return ackFinding(e, w.ackNo, w.ackNo, { kind: 'syn', seq: e.reopenSyn.seq, len: 0 });
      return ackFinding(e, w.ackNo, w.ackNo, w.ackNo === e.rcvNxt ? e.lastReceived : { kind: 'data', seq: e.rcvNxt, len: e.synData });
    case 'len':
      if (w.len === 0 || maySendData(e) || w.syn) return rule('LEN_ANY', field, w.len, params);
      return rule('RETRANSMIT_BEYOND_SENT', field, w.len, { ...params, seq: w.seq, limit: e.sndNxt });
  }
}

function flagsRule(e: Endpoint, w: Wire, params: SenderParams): Finding {
  if (w.syn && !w.ack) return rule('SYN_REQUIRED', 'flags', w.flags, params);
  if (w.syn && e.state === 'SYN_RECEIVED' && e.iss !== null && !e.passive) return rule('SYNACK_SIMULTANEOUS', 'flags', w.flags, { ...params, iss: e.iss });
  if (w.syn) return rule('SYNACK_REQUIRED', 'flags', w.flags, params);
  if (w.fin && e.finSeq === null) return rule(e.finOwed ? 'FIN_REQUIRED' : 'FIN_CLOSES', 'flags', w.flags, params);
  if (w.fin) return rule('SEQ_FIN_RETRANSMIT', 'flags', w.flags, { ...params, finSeq: e.finSeq ?? w.seq, len: w.len });
  return rule('ACK_FLAG_REQUIRED', 'flags', w.flags, params);
}

function seqRule(e: Endpoint, w: Wire, params: SenderParams): Finding {
  if (w.syn && e.iss !== null && (e.state === 'SYN_SENT' || e.state === 'SYN_RECEIVED')) return rule('SEQ_SYN_RETRANSMIT', 'seq', w.seq, { ...params, iss: e.iss });
  if (w.syn) return rule('SEQ_ISN_FREE', 'seq', w.seq, params);
  const kind = classifyOrdinary(e, w);
  if (typeof kind !== 'string') return kind;
  if (kind === 'keepalive') return rule('SEQ_KEEPALIVE', 'seq', w.seq, { ...params, expected: w.seq, nxt: e.sndNxt });
  if (kind === 'retransmit' && w.fin) return rule('SEQ_FIN_RETRANSMIT', 'seq', w.seq, { ...params, finSeq: e.finSeq ?? w.seq, len: w.len });
  if (kind === 'retransmit') return rule('SEQ_DATA_RETRANSMIT', 'seq', w.seq, { ...params, una: e.sndUna, nxt: e.sndNxt });
  return { ...seqFinding(e, w), got: w.seq };
}

/**
 * Whether `w` is the segment that carries `e`'s next new bytes (data or FIN at SND.NXT): a
 * question about it asks where new bytes start, so a retransmission offset is not its answer.
 */
export function carriesNewBytes(e: Endpoint, w: Wire): boolean {
  return !w.syn && !w.rst && w.seq === e.sndNxt && (w.len > 0 || (w.fin && e.finSeq === null));
}

/** The finding for a seq that is not where `e`'s next new bytes start (SND.NXT). */
export function newBytesSeqFinding(e: Endpoint, w: Wire): Finding {
  return seqFinding(e, w);
}

/**
 * A segment that resends the first bytes not yet acknowledged: its seq is SND.UNA, whatever
 * SND.NXT has moved on to. `got` is the seq given for it (SND.UNA itself when it is the rule).
 */
export function retransmitsFromUna(e: Endpoint, w: Wire): boolean {
  return !w.syn && !w.rst && w.len > 0 && w.seq === e.sndUna && e.sndUna !== e.sndNxt;
}

/** A FIN sent after the sender's own FIN can only be that FIN again: a retransmission. */
export function retransmitsFin(e: Endpoint, w: Wire): boolean {
  return w.fin && e.finSeq !== null;
}

/** A FIN's retransmission keeps the FIN where it was (its data, if any, just before it). `got` is the seq given. */
export function finRetransmitSeqFinding(e: Endpoint, w: Wire, got: Seq): Finding {
  const finSeq = e.finSeq as Seq;
  return findingOf('SEQ_FIN_RETRANSMIT', 'seq', seqAdd(finSeq, -w.len), got, { ...baseParams(e), finSeq, len: w.len });
}

export function retransmitSeqFinding(e: Endpoint, got: Seq): Finding {
  return findingOf('SEQ_RETRANSMIT_UNA', 'seq', e.sndUna, got, { ...baseParams(e), expected: e.sndUna, una: e.sndUna, nxt: e.sndNxt });
}
