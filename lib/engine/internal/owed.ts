// What an endpoint owes its peer right now, as a conforming TCP would send it, read off the same
// variables replay checks sent segments against: so what is owed is legal by construction.
import type { Flag } from '../types';
import type { Endpoint } from './endpoint';

/**
 * A segment an endpoint owes. `seq` is null for the segment that opens its side of the
 * connection: the initial sequence number is the sender's to choose.
 */
export interface OwedSegment {
  flags: Flag[];
  seq: number | null;
  ack: number;
  len: number;
}

/** The next segment `e` owes: a RST, its SYN or SYN,ACK, its FIN after a close, or an ACK. */
export function owedBy(e: Endpoint): OwedSegment | null {
  const answer = e.resetAnswers[e.resetAnswers.length - 1];
  if (answer) return { flags: answer.withAck ? ['RST', 'ACK'] : ['RST'], seq: answer.seq, ack: answer.withAck ? answer.ack : 0, len: 0 };
  if (e.state === 'CLOSED' && e.abortReset) return { flags: ['RST'], seq: e.abortReset.seq, ack: 0, len: 0 };
  if (e.state === 'SYN_SENT' && e.iss === null) return { flags: ['SYN'], seq: null, ack: 0, len: 0 };
  if (e.state === 'SYN_RECEIVED' && e.iss === null) return { flags: ['SYN', 'ACK'], seq: null, ack: e.rcvNxt, len: 0 };
  if (e.state === 'SYN_RECEIVED' && !e.passive && e.ackOwed && e.iss !== null) {
    return { flags: ['SYN', 'ACK'], seq: e.iss, ack: e.rcvNxt, len: 0 }; // simultaneous open
  }
  if (e.iss === null || e.irs === null) return null;
  if (e.finOwed && e.finSeq === null) return { flags: ['FIN', 'ACK'], seq: e.sndNxt, ack: e.rcvNxt, len: 0 };
  if (e.ackOwed) return { flags: ['ACK'], seq: e.sndNxt, ack: e.rcvNxt, len: 0 };
  return null;
}
