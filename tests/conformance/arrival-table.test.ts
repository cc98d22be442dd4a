// RFC 9293 3.10.7 as a table: for the receiver B in each state, what each kind of arriving
// segment does to its state. The sender's segment is put on the wire with send/deliver so any
// segment can be crafted; only B's state after the delivery is asserted. Numbers: A's ISN 1000,
// B's ISN 5000 (the wrap is covered by tests/engine).
import { describe, expect, it } from 'vitest';
import { parseTrace, replayTrace, type EndpointSpec, type Flag, type Side, type TcpState, type TraceEvent } from '@/lib/engine';

const seg = (from: Side, flags: Flag[], seq: number, ack: number, len = 0): TraceEvent => ({ from, flags, seq, ack, len });
const send = (id: string, from: Side, flags: Flag[], seq: number, ack: number, len = 0): TraceEvent => ({ send: { from, flags, seq, ack, len }, id });
const close = (at: Side): TraceEvent => ({ app: { at, call: 'close' } });

const HANDSHAKE = [seg('A', ['SYN'], 1000, 0), seg('B', ['SYN', 'ACK'], 5000, 1001), seg('A', ['ACK'], 1001, 5001)];

interface Row {
  state: TcpState;
  prefix: TraceEvent[];
  endpoints?: Record<Side, EndpointSpec>;
  /** incoming segment from A: label, B's state after it arrives, flags, seq, ack, len */
  cases: Array<[string, TcpState, Flag[], number, number, number]>;
}

const TABLE: Row[] = [
  {
    state: 'CLOSED',
    endpoints: { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } },
    prefix: [],
    cases: [
      ['SYN (refused: RST owed)', 'CLOSED', ['SYN'], 1000, 0, 0],
      ['ACK', 'CLOSED', ['ACK'], 1001, 5001, 0],
      ['RST', 'CLOSED', ['RST'], 1001, 0, 0],
    ],
  },
  {
    state: 'LISTEN',
    prefix: [],
    cases: [
      ['SYN', 'SYN_RECEIVED', ['SYN'], 1000, 0, 0],
      ['ACK (RST owed)', 'LISTEN', ['ACK'], 1001, 5001, 0],
      ['RST (ignored)', 'LISTEN', ['RST'], 1001, 0, 0],
      ['FIN without SYN (dropped)', 'LISTEN', ['FIN'], 1001, 0, 0],
    ],
  },
  {
    state: 'SYN_SENT',
    endpoints: { A: { role: 'peer' }, B: { role: 'peer' } },
    prefix: [{ app: { at: 'B', call: 'connect' } }, send('bs', 'B', ['SYN'], 5000, 0)],
    cases: [
      ['SYN,ACK acking ISS', 'ESTABLISHED', ['SYN', 'ACK'], 1000, 5001, 0],
      ['SYN (simultaneous open)', 'SYN_RECEIVED', ['SYN'], 1000, 0, 0],
      ['RST,ACK acking ISS (refused)', 'CLOSED', ['RST', 'ACK'], 0, 5001, 0],
      ['RST without ACK (ignored)', 'SYN_SENT', ['RST'], 0, 0, 0],
      ['SYN,ACK with a bad ack (RST owed)', 'SYN_SENT', ['SYN', 'ACK'], 1000, 4999, 0],
      ['ACK only (dropped)', 'SYN_SENT', ['ACK'], 1000, 5001, 0],
    ],
  },
  {
    state: 'SYN_RECEIVED',
    prefix: [seg('A', ['SYN'], 1000, 0), send('sa', 'B', ['SYN', 'ACK'], 5000, 1001)],
    cases: [
      ['ACK of its SYN', 'ESTABLISHED', ['ACK'], 1001, 5001, 0],
      ['data acking its SYN', 'ESTABLISHED', ['PSH', 'ACK'], 1001, 5001, 10],
      ['FIN,ACK acking its SYN', 'CLOSE_WAIT', ['FIN', 'ACK'], 1001, 5001, 0],
      ['RST at RCV.NXT (passive: back to LISTEN)', 'LISTEN', ['RST'], 1001, 0, 0],
      ['duplicate SYN (answered)', 'SYN_RECEIVED', ['SYN'], 1000, 0, 0],
      ['SYN in window (passive: back to LISTEN)', 'LISTEN', ['SYN'], 1005, 0, 0],
      ['ACK of nothing sent (RST owed)', 'SYN_RECEIVED', ['ACK'], 1001, 5009, 0],
      ['segment without ACK (dropped)', 'SYN_RECEIVED', ['PSH'], 1001, 0, 10],
    ],
  },
  {
    state: 'ESTABLISHED',
    prefix: HANDSHAKE,
    cases: [
      ['ACK', 'ESTABLISHED', ['ACK'], 1001, 5001, 0],
      ['data', 'ESTABLISHED', ['PSH', 'ACK'], 1001, 5001, 10],
      ['FIN', 'CLOSE_WAIT', ['FIN', 'ACK'], 1001, 5001, 0],
      ['FIN beyond a gap (waits)', 'ESTABLISHED', ['FIN', 'ACK'], 1011, 5001, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1001, 0, 0],
      ['RST in window, not exact (challenge ACK)', 'ESTABLISHED', ['RST'], 1002, 0, 0],
      ['RST out of window (dropped)', 'ESTABLISHED', ['RST'], 900, 0, 0],
      ['SYN in window (challenge ACK)', 'ESTABLISHED', ['SYN'], 1005, 0, 0],
      ['old duplicate data (answered)', 'ESTABLISHED', ['PSH', 'ACK'], 991, 5001, 10],
    ],
  },
  {
    state: 'FIN_WAIT_1',
    prefix: [...HANDSHAKE, close('B'), send('bf', 'B', ['FIN', 'ACK'], 5001, 1001)],
    cases: [
      ['ACK of its FIN', 'FIN_WAIT_2', ['ACK'], 1001, 5002, 0],
      ['data acking its FIN', 'FIN_WAIT_2', ['PSH', 'ACK'], 1001, 5002, 10],
      ['ACK not covering its FIN', 'FIN_WAIT_1', ['ACK'], 1001, 5001, 0],
      ['FIN,ACK acking its FIN', 'TIME_WAIT', ['FIN', 'ACK'], 1001, 5002, 0],
      ['FIN not acking its FIN (simultaneous close)', 'CLOSING', ['FIN', 'ACK'], 1001, 5001, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1001, 0, 0],
    ],
  },
  {
    state: 'FIN_WAIT_2',
    prefix: [...HANDSHAKE, close('B'), seg('B', ['FIN', 'ACK'], 5001, 1001), seg('A', ['ACK'], 1001, 5002)],
    cases: [
      ['data (half-close: still received)', 'FIN_WAIT_2', ['PSH', 'ACK'], 1001, 5002, 10],
      ['FIN', 'TIME_WAIT', ['FIN', 'ACK'], 1001, 5002, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1001, 0, 0],
      ['SYN in window (challenge ACK)', 'FIN_WAIT_2', ['SYN'], 1005, 0, 0],
    ],
  },
  {
    state: 'CLOSE_WAIT',
    prefix: [...HANDSHAKE, seg('A', ['FIN', 'ACK'], 1001, 5001)],
    cases: [
      ['ACK', 'CLOSE_WAIT', ['ACK'], 1002, 5001, 0],
      ['retransmitted FIN (answered)', 'CLOSE_WAIT', ['FIN', 'ACK'], 1001, 5001, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1002, 0, 0],
    ],
  },
  {
    state: 'CLOSING',
    prefix: [...HANDSHAKE, send('af', 'A', ['FIN', 'ACK'], 1001, 5001), close('B'), send('bf', 'B', ['FIN', 'ACK'], 5001, 1001), { deliver: 'af' }],
    cases: [
      ['ACK of its FIN', 'TIME_WAIT', ['ACK'], 1002, 5002, 0],
      ['ACK not covering its FIN', 'CLOSING', ['ACK'], 1002, 5001, 0],
      ['retransmitted FIN', 'CLOSING', ['FIN', 'ACK'], 1001, 5001, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1002, 0, 0],
    ],
  },
  {
    state: 'LAST_ACK',
    prefix: [...HANDSHAKE, seg('A', ['FIN', 'ACK'], 1001, 5001), seg('B', ['ACK'], 5001, 1002), close('B'), send('bf', 'B', ['FIN', 'ACK'], 5001, 1002)],
    cases: [
      ['ACK of its FIN', 'CLOSED', ['ACK'], 1002, 5002, 0],
      ['ACK not covering its FIN', 'LAST_ACK', ['ACK'], 1002, 5001, 0],
      ['retransmitted FIN', 'LAST_ACK', ['FIN', 'ACK'], 1001, 5001, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1002, 0, 0],
    ],
  },
  {
    state: 'TIME_WAIT',
    prefix: [...HANDSHAKE, close('B'), seg('B', ['FIN', 'ACK'], 5001, 1001), seg('A', ['ACK'], 1001, 5002), seg('A', ['FIN', 'ACK'], 1001, 5002)],
    cases: [
      ['retransmitted FIN (acknowledged again)', 'TIME_WAIT', ['FIN', 'ACK'], 1001, 5002, 0],
      ['ACK', 'TIME_WAIT', ['ACK'], 1002, 5002, 0],
      ['RST at RCV.NXT', 'CLOSED', ['RST'], 1002, 0, 0],
      ['new SYN out of window (answered, stays)', 'TIME_WAIT', ['SYN'], 900_000, 0, 0],
    ],
  },
];

describe.each(TABLE)('B in $state', (row) => {
  const endpoints = row.endpoints ?? { A: { role: 'client' }, B: { role: 'server' } };
  it('is reached by the prefix', () => {
    const r = replayTrace(parseTrace({ endpoints, events: row.prefix }));
    expect(r.valid).toBe(true);
    expect(r.steps.at(-1)?.states.B ?? (endpoints.B.initial ?? 'LISTEN')).toBe(row.state);
  });
  it.each(row.cases)('+ %s → %s', (_label, after, flags, seqNo, ackNo, len) => {
    const events = [...row.prefix, send('in', 'A', flags, seqNo, ackNo, len), { deliver: 'in' } as TraceEvent];
    const r = replayTrace(parseTrace({ endpoints, events }));
    expect(r.steps.at(-1)?.states.B).toBe(after);
  });
});
