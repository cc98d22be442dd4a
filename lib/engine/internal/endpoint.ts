// One endpoint's transmission control block (RFC 9293 section 3.3.1) plus the little the
// replay needs to explain a mistake: what last moved SND.NXT and RCV.NXT, and which answers
// (a RST, an ACK) the endpoint owes. Plain JSON, so a connection snapshot can be stored and
// sent anywhere; the transition code (connection.ts) mutates a private draft of it in place.
import { seq, seqAdd, type Seq } from '../seq';
import { initialState, type EndpointSpec, type Side, type StateMove, type TcpState } from '../types';

/** A RST this endpoint may send in answer to a segment it could not accept (RFC 9293 3.10.7). */
export interface ResetAnswer {
  seq: Seq;
  /** The RST carries ACK (answering a segment without ACK) and this ack number. */
  withAck: boolean;
  ack: Seq;
  /** The offending segment, for the explanation. */
  cause: { seq: Seq; ack: Seq; span: number; hadAck: boolean; basis: 'syn' | 'fin' | 'data' };
}

/** The RST an ABORT call owes (RFC 9293 3.10.5): <SEQ=SND.NXT>, optionally acknowledging RCV.NXT. */
export interface AbortReset {
  seq: Seq;
  ack: Seq;
  /** What last advanced RCV.NXT, so a wrong ack on the RST is explained by it. */
  last: LastReceived | null;
}

/** The segment that last advanced SND.NXT: the basis of "your next seq is ..." explanations. */
export interface LastSent {
  seq: Seq;
  len: number;
  syn: boolean;
  fin: boolean;
}

/** What last advanced RCV.NXT: the basis of "ack = x + 1" explanations. */
export interface LastReceived {
  kind: 'syn' | 'data' | 'fin';
  seq: Seq;
  len: number;
}

export interface Endpoint {
  side: Side;
  state: TcpState;
  /** The connection came from a passive open (LISTEN); a RST in SYN_RECEIVED returns there. */
  passive: boolean;
  iss: Seq | null;
  irs: Seq | null;
  sndUna: Seq;
  sndNxt: Seq;
  rcvNxt: Seq;
  /** Sequence number of our own FIN once sent. */
  finSeq: Seq | null;
  /** The application asked to close; the FIN is owed but not yet sent. */
  finOwed: boolean;
  /** Where the peer's FIN sits, once a FIN has arrived (it may be ahead of RCV.NXT). */
  peerFinAt: Seq | null;
  /** Received data beyond a gap, as [start, end) ranges relative to nothing (absolute Seq). */
  outOfOrder: Array<[Seq, Seq]>;
  resetAnswers: ResetAnswer[];
  /** After an ABORT call the endpoint is CLOSED but still owes its peer this RST. */
  abortReset: AbortReset | null;
  lastSent: LastSent | null;
  lastReceived: LastReceived | null;
  /** Something arrived since this endpoint last sent that calls for an ACK. */
  ackOwed: boolean;
  /**
   * It has sent a segment after its SYN. Until then SND.NXT - 1 is its SYN, so a segment there
   * is the classic "seq = x" mistake on the handshake's last ACK, not a keep-alive probe.
   */
  sentAfterSyn: boolean;
  /**
   * The trace shows this endpoint's application calls, so none is inferred: a FIN needs a
   * close or shutdown before it, an aborting RST an abort. Captures show no calls and infer them.
   */
  callsShown: boolean;
  /**
   * Data that rode on the peer's SYN and is not yet acknowledged. A TCP Fast Open server
   * acknowledges it with its SYN,ACK; any other TCP acknowledges only the SYN and the peer sends
   * the data again. Both are legal, so it counts once this endpoint's ack says which.
   */
  synData: number;
  /**
   * The application called close (not just shutdown): it reads nothing more, so data still
   * arriving is lost and RFC 1122 4.2.2.13 has the endpoint say so with a RST.
   */
  appClosed: boolean;
  /**
   * Data has reached this endpoint on this connection (it may lie unread): only then can a close
   * abort with a RST (RFC 1122 4.2.2.13). A close with nothing received sends a FIN.
   */
  dataReceived: boolean;
  /**
   * A new SYN that reached this endpoint in TIME_WAIT with a sequence number beyond the old
   * connection's. RFC 1122 4.2.2.13 lets it reopen (answer SYN,ACK with a higher ISN) or stay
   * (answer with an ACK); which one it chose shows in what it sends next.
   */
  reopenSyn: { seq: Seq; len: number } | null;
  /**
   * A RST arrived in the window but not at RCV.NXT: RFC 9293 3.5.3 lets the endpoint reset (to
   * this state), RFC 5961 3.2 answer with a challenge ACK. It stays put until what it does next
   * (an ACK, or a checkpoint that finds it reset) shows which it chose.
   */
  resetChoice: 'CLOSED' | 'LISTEN' | null;
  /** A TCP Fast Open server whose SYN,ACK took the SYN's data: it may send data in SYN_RECEIVED. */
  fastOpen: boolean;
}

export function createEndpoint(side: Side, spec: EndpointSpec): Endpoint {
  return {
    side,
    state: initialState(spec),
    passive: false,
    iss: null,
    irs: null,
    sndUna: seq(0),
    sndNxt: seq(0),
    rcvNxt: seq(0),
    finSeq: null,
    finOwed: false,
    peerFinAt: null,
    outOfOrder: [],
    resetAnswers: [],
    abortReset: null,
    lastSent: null,
    lastReceived: null,
    ackOwed: false,
    sentAfterSyn: false,
    callsShown: false,
    synData: 0,
    appClosed: false,
    dataReceived: false,
    reopenSyn: null,
    resetChoice: null,
    fastOpen: false,
  };
}

/** Where a step records each state change, in order, so replay can show and explain it. */
export type MoveLog = StateMove[];

/** The one way an endpoint's state changes: every transition is recorded in the step's log. */
export function setState(e: Endpoint, to: TcpState, log: MoveLog): void {
  if (e.state === to) return;
  log.push({ side: e.side, from: e.state, to });
  e.state = to;
}

/** Deletes the TCB (RFC 9293: "delete the TCB, enter CLOSED"), or goes back to LISTEN. */
export function clearConnection(e: Endpoint, to: 'CLOSED' | 'LISTEN', log: MoveLog): void {
  setState(e, to, log);
  e.passive = false;
  e.iss = null;
  e.irs = null;
  e.sndUna = seq(0);
  e.sndNxt = seq(0);
  e.rcvNxt = seq(0);
  e.finSeq = null;
  e.finOwed = false;
  e.peerFinAt = null;
  e.outOfOrder = [];
  e.resetAnswers = [];
  e.abortReset = null;
  e.lastSent = null;
  e.lastReceived = null;
  e.ackOwed = false;
  e.sentAfterSyn = false;
  e.synData = 0;
  e.appClosed = false;
  e.dataReceived = false;
  e.reopenSyn = null;
  e.resetChoice = null;
  e.fastOpen = false;
}

/** Our FIN has been sent and acknowledged. */
export function ownFinAcked(e: Endpoint): boolean {
  return e.finSeq !== null && e.sndUna === seqAdd(e.finSeq, 1);
}

/** States that may still send new data (RFC 9293 3.10.2 SEND): no FIN of our own yet. */
export function maySendData(e: Endpoint): boolean {
  if (e.finSeq !== null) return false;
  if (e.state === 'SYN_RECEIVED') return e.fastOpen;
  return e.state === 'ESTABLISHED' || e.state === 'CLOSE_WAIT' || (e.finOwed && (e.state === 'FIN_WAIT_1' || e.state === 'LAST_ACK'));
}
