// Misconceptions read off the finding's own fields (issue 9, "Misconceptions and explanations that
// name the wrong thing"): each case the issue names, answered through the engine.
import { describe, expect, it } from 'vitest';
import { gradeAnswer, parseTrace, type Answer, type QuestionField, type Side, type Trace } from '@/lib/engine';
import { classifyMistake, type Misconception } from '@/lib/quiz';

const CS = { A: { role: 'client' }, B: { role: 'server' } };
const HANDSHAKE = [
  { from: 'A', flags: ['SYN'], seq: 1000, ack: 0 },
  { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001 },
  { from: 'A', flags: ['ACK'], seq: 1001, ack: 5001 },
];

function mistake(events: unknown[], event: number, field: QuestionField, answer: Answer, side?: Side, endpoints: unknown = CS): Misconception | null {
  const trace: Trace = parseTrace({ endpoints, events });
  const g = gradeAnswer(side ? { trace, event, field, side } : { trace, event, field }, answer, 'en');
  expect(g.correct, `${JSON.stringify(answer)} should be wrong`).toBe(false);
  const sender = field === 'state' ? null : (events[event] as { from?: Side; send?: { from: Side } }).from ?? (events[event] as { send: { from: Side } }).send.from;
  return g.finding ? classifyMistake(trace, sender, g.finding) : null;
}

const DATA = [...HANDSHAKE, { from: 'A', flags: ['PSH', 'ACK'], seq: 1001, ack: 5001, len: 100 }, { from: 'A', flags: ['PSH', 'ACK'], seq: 1101, ack: 5001, len: 50 }];

describe('misconceptions from the finding\'s fields', () => {
  it('a wrong seq after data is about counting bytes, not "ack is the next byte"', () => {
    expect(mistake(DATA, 4, 'seq', 1001)).toBe('seq_counts_bytes'); // the previous segment's seq
    expect(mistake(DATA, 4, 'seq', 1102)).toBe('syn_fin_consume_one'); // data counted as taking one more
  });

  it('right + 1 after a SYN or FIN is about what a SYN or FIN takes, not own vs peer numbers', () => {
    expect(mistake(HANDSHAKE, 1, 'ack', 1002)).toBe('syn_fin_consume_one');
    expect(mistake(HANDSHAKE, 2, 'seq', 1002)).toBe('syn_fin_consume_one');
    expect(mistake(HANDSHAKE, 1, 'ack', 1000)).toBe('syn_fin_consume_one');
  });

  it('swapped numbers are own vs peer numbers, not "a retransmission keeps its seq"', () => {
    expect(mistake(HANDSHAKE, 2, 'segment', { flags: ['ACK'], seq: 5001, ack: 1001, len: 0 })).toBe('own_vs_peer_numbers');
  });

  it('RST,ACK ack = x answering a SYN is "a SYN takes one number", not "reset rules"', () => {
    const refused = [{ from: 'A', flags: ['SYN'], seq: 1000, ack: 0 }, { from: 'B', flags: ['RST', 'ACK'], seq: 0, ack: 1001 }];
    expect(mistake(refused, 1, 'ack', 1000, undefined, { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } })).toBe('syn_fin_consume_one');
    expect(mistake(refused, 1, 'seq', 1000, undefined, { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } })).toBe('reset_rules');
  });

  it('a SYN,ACK answered as a plain ACK is "the reply to a SYN carries a SYN"', () => {
    expect(mistake(HANDSHAKE, 1, 'flags', ['ACK'])).toBe('server_sends_own_syn');
    expect(mistake(HANDSHAKE, 2, 'flags', ['SYN', 'ACK'])).toBe('syn_only_in_handshake');
  });

  it('TIME_WAIT: CLOSING in a simultaneous close is not "who enters TIME_WAIT"', () => {
    const simClose = [
      ...HANDSHAKE,
      { send: { from: 'A', flags: ['FIN', 'ACK'], seq: 1001, ack: 5001, len: 0 }, id: 'a' },
      { send: { from: 'B', flags: ['FIN', 'ACK'], seq: 5001, ack: 1001, len: 0 }, id: 'b' },
      { deliver: 'a' },
    ];
    expect(mistake(simClose, 5, 'state', 'TIME_WAIT', 'B')).toBe('simultaneous_states');
    const closed = [...HANDSHAKE, { from: 'A', flags: ['FIN', 'ACK'], seq: 1001, ack: 5001 }, { from: 'B', flags: ['FIN', 'ACK'], seq: 5001, ack: 1002 }, { from: 'A', flags: ['ACK'], seq: 1002, ack: 5002 }];
    expect(mistake(closed, 5, 'state', 'TIME_WAIT', 'B')).toBe('who_enters_time_wait');
    expect(mistake(closed, 5, 'state', 'CLOSED', 'A')).toBe('time_wait_lasts_2msl');
    // the reverse mistake: CLOSING in a normal close, where no FINs crossed
    expect(mistake(closed, 5, 'state', 'CLOSING', 'A')).toBe('closing_only_crossed_fins');
    expect(mistake(simClose, 5, 'state', 'FIN_WAIT_2', 'B')).toBe('simultaneous_states');
  });

  it('relative numbers count seq from the sender\'s ISN and ack from the peer\'s', () => {
    expect(mistake(DATA, 4, 'seq', 101)).toBe('relative_vs_absolute');
    expect(mistake(HANDSHAKE, 2, 'ack', 1)).toBe('relative_vs_absolute');
  });
});
