// The scenario families the `trace generate` command and the quizzes draw from. Each family
// is a short script in the words of the lesson that teaches it, with `expect` checkpoints after
// the steps a learner is asked about. The states in the checkpoints are written from RFC 9293,
// not read back from the engine: replaying a generated trace checks the engine against them.
import { otherSide, type Difficulty, type EndpointSpec, type Side, type Trace } from '../types';
import { TraceBuilder } from './builder';
import type { Random } from './random';

interface Context {
  rng: Random;
  difficulty: Difficulty;
  isn: () => Record<Side, number>;
  payload: () => number;
}

const CLIENT_SERVER: Record<Side, EndpointSpec> = { A: { role: 'client' }, B: { role: 'server' } };
const MOD = 0x1_0000_0000;

/** Beginners see small round ISNs; experts see the full range, often just below the wrap. */
export function isnPair(rng: Random, difficulty: Difficulty): Record<Side, number> {
  if (difficulty === 'beginner') {
    const a = rng.int(1, 9) * 1000;
    let b = rng.int(1, 9) * 1000;
    if (b === a) b = (a % 9000) + 1000;
    return { A: a, B: b };
  }
  const nearWrap = (): number => MOD - rng.int(1, 400);
  const anywhere = (): number => rng.int(0, MOD - 1);
  return { A: rng.chance(0.5) ? nearWrap() : anywhere(), B: rng.chance(0.5) ? nearWrap() : anywhere() };
}

function payloadSize(rng: Random, difficulty: Difficulty): number {
  return difficulty === 'beginner' ? rng.pick([100, 200, 500]) : rng.int(1, 1460);
}

function handshake(b: TraceBuilder): TraceBuilder {
  b.app('A', 'connect').expect('SYN_SENT', 'LISTEN');
  b.segment('A', ['SYN']).expect('SYN_SENT', 'SYN_RECEIVED');
  b.segment('B', ['SYN', 'ACK']).expect('ESTABLISHED', 'SYN_RECEIVED');
  b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
  return b;
}

/** One exchange of data each way, each acknowledged. */
function exchange(b: TraceBuilder, c: Context): TraceBuilder {
  b.segment('A', ['PSH', 'ACK'], c.payload());
  b.segment('B', ['ACK']);
  b.segment('B', ['PSH', 'ACK'], c.payload());
  b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
  return b;
}

/** The four-way teardown with `first` closing actively; the closer ends in TIME_WAIT. */
function teardown(b: TraceBuilder, first: Side): TraceBuilder {
  const second = otherSide(first);
  const states = (f: string, s: string) => (first === 'A' ? [f, s] : [s, f]) as [never, never];
  b.app(first, 'close').expect(...states('FIN_WAIT_1', 'ESTABLISHED'));
  b.segment(first, ['FIN', 'ACK']).expect(...states('FIN_WAIT_1', 'CLOSE_WAIT'));
  b.segment(second, ['ACK']).expect(...states('FIN_WAIT_2', 'CLOSE_WAIT'));
  b.app(second, 'close').expect(...states('FIN_WAIT_2', 'LAST_ACK'));
  b.segment(second, ['FIN', 'ACK']).expect(...states('TIME_WAIT', 'LAST_ACK'));
  b.segment(first, ['ACK']).expect(...states('TIME_WAIT', 'CLOSED'));
  b.timeout(first, 'time_wait').expect('CLOSED', 'CLOSED');
  return b;
}

/** The server closes after the client: its FIN puts the client in TIME_WAIT until 2MSL pass. */
function serverClosesLast(b: TraceBuilder): TraceBuilder {
  b.app('B', 'close').segment('B', ['FIN', 'ACK']).expect('TIME_WAIT', 'LAST_ACK');
  b.segment('A', ['ACK']).expect('TIME_WAIT', 'CLOSED');
  b.timeout('A', 'time_wait').expect('CLOSED', 'CLOSED');
  return b;
}

/**
 * Sends `count` data segments from A at once and returns their ids: a window's worth in flight
 * before any is acknowledged, as the loss and reordering families need.
 */
function burst(b: TraceBuilder, c: Context, count: number): string[] {
  return Array.from({ length: count }, () => b.send('A', ['PSH', 'ACK'], c.payload()));
}

/** A different order of 0..n-1 than the one they were sent in. */
function reordering(rng: Random, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  while (order.every((v, i) => v === i)) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  }
  return order;
}

/** Fast retransmit (RFC 5681 3.2) needs three duplicate ACKs; with fewer, the timer resends. */
const DUPLICATE_ACKS_FOR_FAST_RETRANSMIT = 3;

type Family = (c: Context) => Trace;

export const FAMILIES = {
  handshake: (c) =>
    handshake(new TraceBuilder(CLIENT_SERVER, c.isn())).build('handshake', 'the three-way handshake: SYN, SYN,ACK, ACK'),

  client_closes_first: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    exchange(b, c);
    return teardown(b, 'A').build('client_closes_first', 'data both ways, then the client closes first and waits in TIME_WAIT');
  },

  server_closes_first: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    exchange(b, c);
    return teardown(b, 'B').build('server_closes_first', 'data both ways, then the server closes first and waits in TIME_WAIT');
  },

  data_transfer: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    const count = c.rng.int(2, 4);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(b.send('A', ['PSH', 'ACK'], c.payload()));
    for (const id of ids) b.deliver(id);
    b.segment('B', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED'); // one cumulative ACK for all
    b.segment('B', ['PSH', 'ACK'], c.payload());
    b.segment('A', ['ACK']);
    // The passive closer has nothing left to send: its ACK and FIN travel as one FIN,ACK.
    b.app('A', 'close').segment('A', ['FIN', 'ACK']).expect('FIN_WAIT_1', 'CLOSE_WAIT');
    b.app('B', 'close').segment('B', ['FIN', 'ACK']).expect('TIME_WAIT', 'LAST_ACK');
    b.segment('A', ['ACK']).expect('TIME_WAIT', 'CLOSED');
    return b.build('data_transfer', `${count} data segments in flight at once, acknowledged by one cumulative ACK`);
  },

  half_close: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.app('A', 'shutdown').segment('A', ['FIN', 'ACK']).expect('FIN_WAIT_1', 'CLOSE_WAIT');
    b.segment('B', ['ACK']).expect('FIN_WAIT_2', 'CLOSE_WAIT');
    const reply = c.payload();
    b.app('B', 'send', reply).segment('B', ['PSH', 'ACK'], reply);
    b.segment('A', ['ACK']).expect('FIN_WAIT_2', 'CLOSE_WAIT');
    serverClosesLast(b);
    return b.build('half_close', 'the client shuts down its sending side; the server keeps sending in CLOSE_WAIT');
  },

  simultaneous_open: (c) => {
    const b = new TraceBuilder({ A: { role: 'peer' }, B: { role: 'peer' } }, c.isn());
    b.app('A', 'connect').app('B', 'connect').expect('SYN_SENT', 'SYN_SENT');
    const synA = b.send('A', ['SYN']);
    const synB = b.send('B', ['SYN']);
    b.deliver(synA).expect('SYN_SENT', 'SYN_RECEIVED');
    b.deliver(synB).expect('SYN_RECEIVED', 'SYN_RECEIVED');
    const synAckA = b.sendSynAck('A');
    const synAckB = b.sendSynAck('B');
    b.deliver(synAckA).expect('SYN_RECEIVED', 'ESTABLISHED');
    b.deliver(synAckB).expect('ESTABLISHED', 'ESTABLISHED');
    // The connection is an ordinary one now: data and its ACK follow the usual rules.
    b.segment('A', ['PSH', 'ACK'], c.payload());
    b.segment('B', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('simultaneous_open', 'both peers send a SYN at once: four segments, both pass through SYN_RECEIVED, then data flows as usual');
  },

  simultaneous_close: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.app('A', 'close').app('B', 'close').expect('FIN_WAIT_1', 'FIN_WAIT_1');
    const finA = b.send('A', ['FIN', 'ACK']);
    const finB = b.send('B', ['FIN', 'ACK']);
    b.deliver(finA).expect('FIN_WAIT_1', 'CLOSING');
    b.deliver(finB).expect('CLOSING', 'CLOSING');
    const ackA = b.send('A', ['ACK']);
    const ackB = b.send('B', ['ACK']);
    b.deliver(ackA).expect('CLOSING', 'TIME_WAIT');
    b.deliver(ackB).expect('TIME_WAIT', 'TIME_WAIT');
    b.timeout('A', 'time_wait').timeout('B', 'time_wait').expect('CLOSED', 'CLOSED');
    return b.build('simultaneous_close', 'both sides close at once: FIN_WAIT_1, CLOSING, then both wait in TIME_WAIT');
  },

  lost_syn: (c) => {
    const b = new TraceBuilder(CLIENT_SERVER, c.isn());
    b.app('A', 'connect');
    const syn = b.send('A', ['SYN']);
    b.drop(syn).expect('SYN_SENT', 'LISTEN');
    b.timeout('A', 'retransmit');
    b.deliver(b.resend(syn)).expect('SYN_SENT', 'SYN_RECEIVED');
    b.segment('B', ['SYN', 'ACK']).expect('ESTABLISHED', 'SYN_RECEIVED');
    b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('lost_syn', "the client's SYN is lost; its retransmission timer sends the same SYN again");
  },

  lost_synack: (c) => {
    const b = new TraceBuilder(CLIENT_SERVER, c.isn());
    b.app('A', 'connect');
    const syn = b.send('A', ['SYN']);
    b.deliver(syn).expect('SYN_SENT', 'SYN_RECEIVED');
    const synAck = b.send('B', ['SYN', 'ACK']);
    b.drop(synAck).expect('SYN_SENT', 'SYN_RECEIVED');
    if (c.rng.chance(0.5)) {
      // The client's timer fires first: its duplicate SYN makes the server repeat its SYN,ACK.
      b.timeout('A', 'retransmit');
      b.deliver(b.resend(syn)).expect('SYN_SENT', 'SYN_RECEIVED');
    } else {
      b.timeout('B', 'retransmit');
    }
    b.deliver(b.resend(synAck)).expect('ESTABLISHED', 'SYN_RECEIVED');
    b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('lost_synack', "the server's SYN,ACK is lost; a retransmission repeats it with the same seq");
  },

  lost_fin: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.app('A', 'close');
    const fin = b.send('A', ['FIN', 'ACK']);
    b.drop(fin).expect('FIN_WAIT_1', 'ESTABLISHED');
    b.timeout('A', 'retransmit');
    b.deliver(b.resend(fin)).expect('FIN_WAIT_1', 'CLOSE_WAIT');
    b.segment('B', ['ACK']).expect('FIN_WAIT_2', 'CLOSE_WAIT');
    serverClosesLast(b);
    return b.build('lost_fin', "the client's FIN is lost and retransmitted with the same seq");
  },

  lost_last_ack: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.app('A', 'close').segment('A', ['FIN', 'ACK']);
    b.segment('B', ['ACK']);
    b.app('B', 'close');
    const fin = b.send('B', ['FIN', 'ACK']);
    b.deliver(fin).expect('TIME_WAIT', 'LAST_ACK');
    const lastAck = b.send('A', ['ACK']);
    b.drop(lastAck).expect('TIME_WAIT', 'LAST_ACK');
    b.timeout('B', 'retransmit');
    // TIME_WAIT is why this ends well: the client is still there to acknowledge the FIN again.
    b.deliver(b.resend(fin)).expect('TIME_WAIT', 'LAST_ACK');
    b.deliver(b.resend(lastAck)).expect('TIME_WAIT', 'CLOSED');
    b.timeout('A', 'time_wait').expect('CLOSED', 'CLOSED');
    return b.build('lost_last_ack', 'the last ACK is lost; the server retransmits its FIN and the client, still in TIME_WAIT, acknowledges it again');
  },

  abort: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.segment('A', ['PSH', 'ACK'], c.payload());
    b.segment('B', ['ACK']);
    b.app('A', 'abort').expect('CLOSED', 'ESTABLISHED');
    b.abortReset('A').expect('CLOSED', 'CLOSED');
    return b.build('abort', 'the client aborts: one RST at SND.NXT and both sides are CLOSED at once, no TIME_WAIT');
  },

  refused: (c) => {
    const b = new TraceBuilder({ A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } }, c.isn());
    b.app('A', 'connect');
    b.segment('A', ['SYN']).expect('SYN_SENT', 'CLOSED');
    b.resetAnswer('B', b.lastSegment()).expect('CLOSED', 'CLOSED');
    return b.build('refused', 'nothing listens on the port: the SYN is answered by RST,ACK (seq 0, ack = ISN + 1)');
  },

  time_wait_expiry: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    b.app('A', 'close').segment('A', ['FIN', 'ACK']);
    b.segment('B', ['ACK']);
    b.app('B', 'close').segment('B', ['FIN', 'ACK']);
    b.segment('A', ['ACK']).expect('TIME_WAIT', 'CLOSED');
    b.timeout('A', 'time_wait').expect('CLOSED', 'CLOSED');
    // Only now may the same pair of ports carry a new connection, with new ISNs.
    b.newIncarnation(c.isn());
    b.app('B', 'listen').app('A', 'connect').expect('SYN_SENT', 'LISTEN');
    b.segment('A', ['SYN']).segment('B', ['SYN', 'ACK']).segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('time_wait_expiry', 'after 2MSL in TIME_WAIT the client is CLOSED and the same ports open a new connection');
  },

  lost_data: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    const ids = burst(b, c, c.rng.int(3, 5));
    const lost = c.rng.int(0, ids.length - 2); // not the last one: something arrives after the gap
    ids.forEach((id, i) => {
      if (i === lost) {
        b.drop(id);
        return;
      }
      // Before the gap: an ordinary ACK. After it: RCV.NXT cannot move, so every ACK repeats it.
      b.deliver(id).segment('B', ['ACK']);
    });
    b.expect('ESTABLISHED', 'ESTABLISHED');
    const duplicates = ids.length - 1 - lost;
    if (duplicates < DUPLICATE_ACKS_FOR_FAST_RETRANSMIT) b.timeout('A', 'retransmit');
    b.deliver(b.resend(ids[lost] as string));
    // The held segments now follow on: one cumulative ACK covers them all.
    b.segment('B', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    // New data continues from the highest byte sent, not from the retransmitted segment.
    b.segment('A', ['PSH', 'ACK'], c.payload());
    b.segment('B', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    const how = duplicates >= DUPLICATE_ACKS_FOR_FAST_RETRANSMIT ? 'three duplicate ACKs trigger a fast retransmit' : 'the retransmission timer resends it';
    return b.build('lost_data', `data segment ${lost + 1} of ${ids.length} is lost; the receiver repeats its ACK for each later segment, ${how}, and one cumulative ACK covers everything`);
  },

  out_of_order: (c) => {
    const b = handshake(new TraceBuilder(CLIENT_SERVER, c.isn()));
    const ids = burst(b, c, c.rng.int(2, 4));
    // Each arrival is acknowledged at once: a duplicate ACK while a gap is open (RFC 5681 4.2),
    // a cumulative ACK when the missing segment fills it.
    for (const i of reordering(c.rng, ids.length)) b.deliver(ids[i] as string).segment('B', ['ACK']);
    b.expect('ESTABLISHED', 'ESTABLISHED');
    b.segment('B', ['PSH', 'ACK'], c.payload());
    b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('out_of_order', `${ids.length} data segments arrive out of order: the receiver holds what is beyond the gap and its ACK only moves once the gap is filled`);
  },

  old_duplicate_syn: (c) => {
    const isn = c.isn();
    // An earlier attempt's ISN: ISNs grow with a clock (RFC 9293 3.4.1), so it is a little lower.
    const older = c.difficulty === 'beginner' ? c.rng.pick([100, 500]) : c.rng.int(1, 100_000);
    const b = new TraceBuilder(CLIENT_SERVER, { A: (isn.A - older + MOD) % MOD, B: isn.B });
    b.app('A', 'connect');
    const old = b.send('A', ['SYN']); // held up somewhere in the network
    b.app('A', 'close').expect('CLOSED', 'LISTEN'); // the application gave up on that attempt
    b.newIncarnation({ A: isn.A });
    b.app('A', 'connect');
    const syn = b.send('A', ['SYN']);
    b.deliver(old).expect('SYN_SENT', 'SYN_RECEIVED');
    // B cannot tell the old SYN from a new one: it acknowledges it, and A sees an ACK of a SYN
    // it never sent in this connection (RFC 9293 3.10.7.3): it answers RST with seq = that ack.
    const synAck = b.send('B', ['SYN', 'ACK']);
    b.deliverUnacceptable(synAck).expect('SYN_SENT', 'SYN_RECEIVED');
    b.resetAnswer('A', b.lastSegment()).expect('SYN_SENT', 'LISTEN'); // a passive open goes back to LISTEN
    b.newIncarnation({ B: c.difficulty === 'beginner' ? (isn.B % 9000) + 1000 : c.isn().B });
    b.deliver(syn).expect('SYN_SENT', 'SYN_RECEIVED');
    b.segment('B', ['SYN', 'ACK']).expect('ESTABLISHED', 'SYN_RECEIVED');
    b.segment('A', ['ACK']).expect('ESTABLISHED', 'ESTABLISHED');
    return b.build('old_duplicate_syn', "RFC 9293 figure 8: an old SYN reaches the server first; A resets the SYN,ACK that answers it, and its real SYN then opens the connection");
  },
} satisfies Record<string, Family>;

export type ScenarioFamily = keyof typeof FAMILIES;

export function familyContext(rng: Random, difficulty: Difficulty): Context {
  return { rng, difficulty, isn: () => isnPair(rng, difficulty), payload: () => payloadSize(rng, difficulty) };
}
