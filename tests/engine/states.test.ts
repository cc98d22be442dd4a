// The state machine, one describe per state, each case named "STATE + input → result".
// Numbers are written from RFC 9293 by hand; ISNs are just below 2^32 so most cases wrap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@/lib/engine';
import {
  A1, A2, A_FIN_SENT, A_FIN_WAIT_2, A_ISN, A_TIME_WAIT, B1, B2, B_ISN, CLIENT_SERVER, HANDSHAKE, add,
  expectValid, firstError, lastStep, replay, seg, send,
} from './helpers';

const REFUSING = { A: { role: 'client' as const }, B: { role: 'server' as const, initial: 'CLOSED' as const } };
const PEERS = { A: { role: 'peer' as const }, B: { role: 'peer' as const } };

describe('CLOSED', () => {
  it('CLOSED + SYN → answers RST,ACK with seq 0 and ack = SYN + 1 (connection refused)', () => {
    const r = replay([seg('A', ['SYN'], A_ISN, 0), seg('B', ['RST', 'ACK'], 0, A1)], REFUSING);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'CLOSED', B: 'CLOSED' });
  });

  it('CLOSED + SYN → a RST,ACK with ack = SYN (no +1) is wrong, explained by the SYN length', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['RST', 'ACK'], 0, 1000)], REFUSING);
    expect(r.steps[1]?.error).toMatchObject({ field: 'ack', expected: 1001, got: 1000, code: 'ACK_RST_ANSWER' });
    expect(r.steps[1]?.error?.explain).toContain('1000 + 1 = 1001');
  });

  it('CLOSED + SYN → the answering RST carries ACK: a bare RST is a flags error', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['RST'], 0, 0)], REFUSING);
    expect(r.steps[1]?.error).toMatchObject({ field: 'flags', expected: ['RST', 'ACK'] });
  });

  it('CLOSED + ACK segment → answers RST with seq = SEG.ACK and no ACK flag', () => {
    // A's TIME_WAIT has expired when B's retransmitted FIN arrives: A answers with a RST.
    const late = [...A_FIN_WAIT_2, seg('B', ['FIN', 'ACK'], B1, A2), send('last', 'A', ['ACK'], A2, B2), { drop: 'last' } as TraceEvent,
      { timeout: { at: 'A', timer: 'time_wait' } } as TraceEvent, seg('B', ['FIN', 'ACK'], B1, A2)];
    const r = replay([...late, seg('A', ['RST'], A2, 0), { expect: { A: 'CLOSED', B: 'CLOSED' } }]);
    expectValid(r);
    const wrong = replay([...late, seg('A', ['RST', 'ACK'], 0, B2)]);
    expect(wrong.steps[late.length]?.error).toMatchObject({ field: 'flags', expected: ['RST'], code: 'RST_ANSWER_ACK_FLAG' });
    const wrongSeq = replay([...late, seg('A', ['RST'], A1, 0)]);
    expect(wrongSeq.steps[late.length]?.error).toMatchObject({ field: 'seq', expected: A2, code: 'SEQ_RST_ANSWER' });
  });

  it('CLOSED + RST → discarded: a RST in answer is not owed', () => {
    const ends = { A: { role: 'peer' as const }, B: { role: 'peer' as const } };
    const r = replay([{ app: { at: 'A', call: 'connect' } }, seg('A', ['SYN'], 50, 0), seg('B', ['RST', 'ACK'], 0, 51), seg('A', ['RST'], 0, 0)], ends);
    expect(firstError(r)).toBe(3);
    expect(r.steps[3]?.error?.code).toBe('RST_NOTHING_TO_RESET');
  });

  it('CLOSED sending an ACK out of nowhere is a flags error', () => {
    const r = replay([seg('A', ['ACK'], 1, 1)]);
    expect(r.steps[0]?.error).toMatchObject({ field: 'flags', expected: ['SYN'], code: 'CLOSED_SENDS_NOTHING' });
  });

  it('CLOSED sending a first SYN with ACK set is a flags error: nothing to acknowledge yet', () => {
    const r = replay([seg('A', ['SYN', 'ACK'], 1000, 0)]);
    expect(r.steps[0]?.error).toMatchObject({ field: 'flags', expected: ['SYN'], code: 'ACK_FLAG_BEFORE_PEER_SYN' });
  });

  it('CLOSED sending a SYN with a non-zero ack is an ack error', () => {
    const r = replay([seg('A', ['SYN'], 1000, 7)]);
    expect(r.steps[0]?.error).toMatchObject({ field: 'ack', expected: 0, got: 7 });
  });

  it('any ISN is legal for a first SYN, including 0 and 2^32 - 1', () => {
    for (const isn of [0, 1, 0x7fff_ffff, 0xffff_ffff]) expectValid(replay([seg('A', ['SYN'], isn, 0)]));
  });
});

describe('LISTEN', () => {
  it('LISTEN + SYN with data (TCP Fast Open): the SYN,ACK may acknowledge the data or only the SYN', () => {
    const syn = seg('A', ['SYN'], 1000, 0, 20);
    // A Fast Open server takes the data at once
    expectValid(replay([syn, seg('B', ['SYN', 'ACK'], 5000, 1021), seg('A', ['ACK'], 1021, 5001), seg('B', ['ACK'], 5001, 1021)]));
    // any other server acknowledges the SYN only; the client sends the data again
    expectValid(replay([syn, seg('B', ['SYN', 'ACK'], 5000, 1001), seg('A', ['PSH', 'ACK'], 1001, 5001, 20), seg('B', ['ACK'], 5001, 1021)]));
    // but nothing in between
    const r = replay([syn, seg('B', ['SYN', 'ACK'], 5000, 1011)]);
    expect(r.steps[1]?.error).toMatchObject({ field: 'ack', expected: 1001, code: 'ACK_OF_SYN' });
    // once the server acked only the SYN, acking the data without receiving it again is wrong
    const r2 = replay([syn, seg('B', ['SYN', 'ACK'], 5000, 1001), seg('A', ['ACK'], 1001, 5001), seg('B', ['ACK'], 5001, 1021)]);
    expect(r2.steps[3]?.error).toMatchObject({ field: 'ack', expected: 1001 });
  });

  it('a Fast Open server whose SYN,ACK took the data may send data in SYN_RECEIVED; one that did not may not', () => {
    const syn = seg('A', ['SYN'], 1000, 0, 20);
    const r = replay([syn, send('sa', 'B', ['SYN', 'ACK'], 5000, 1021), seg('B', ['PSH', 'ACK'], 5001, 1021, 30), { expect: { B: 'SYN_RECEIVED' } }]);
    expectValid(r);
    const plain = replay([syn, send('sa', 'B', ['SYN', 'ACK'], 5000, 1001), seg('B', ['PSH', 'ACK'], 5001, 1001, 30)]);
    expect(plain.steps[2]?.error).toMatchObject({ field: 'len', code: 'DATA_BEFORE_ESTABLISHED' });
  });

  it('LISTEN + SYN → SYN_RECEIVED; its SYN,ACK acknowledges ISN + 1 across the wrap (ack = 0)', () => {
    const r = replay([seg('A', ['SYN'], 0xffff_ffff, 0), seg('B', ['SYN', 'ACK'], 5000, 0)]);
    expectValid(r);
    expect(r.steps[0]?.states).toEqual({ A: 'SYN_SENT', B: 'SYN_RECEIVED' });
  });

  it('the SYN,ACK that forgets the wrap is explained with mod 2^32', () => {
    const r = replay([seg('A', ['SYN'], 0xffff_ffff, 0), seg('B', ['SYN', 'ACK'], 5000, 0x1_0000_0000 - 1)]);
    expect(r.steps[1]?.error).toMatchObject({ field: 'ack', expected: 0, code: 'ACK_OF_SYN' });
    expect(r.steps[1]?.error?.explain).toMatch(/4294967295 \+ 1 = 0 \(mod 2\^32/);
  });

  it('LISTEN + ACK → stays LISTEN and owes RST <SEQ=SEG.ACK>', () => {
    // B went back to LISTEN (a RST in passive SYN_RECEIVED); A's ACK still in flight then arrives.
    const r = replay([
      seg('A', ['SYN'], A_ISN, 0),
      seg('B', ['SYN', 'ACK'], B_ISN, A1),
      send('ack', 'A', ['ACK'], A1, B1),
      seg('A', ['RST'], A1, 0),
      { expect: { A: 'CLOSED', B: 'LISTEN' } },
      { deliver: 'ack' },
      { expect: { B: 'LISTEN' } },
      seg('B', ['RST'], B1, 0),
    ]);
    expectValid(r);
  });

  it('LISTEN + RST → ignored (RFC 9293 3.10.7.2: it cannot answer anything this incarnation sent)', () => {
    // B retransmits its SYN,ACK to a client that has given up. The client answers each copy with a
    // RST: the first takes B back to LISTEN, the second reaches it there and changes nothing.
    const r = replay([
      seg('A', ['SYN'], A_ISN, 0),
      send('sa1', 'B', ['SYN', 'ACK'], B_ISN, A1),
      send('sa2', 'B', ['SYN', 'ACK'], B_ISN, A1),
      { app: { at: 'A', call: 'abort' } },
      { deliver: 'sa1' },
      send('r1', 'A', ['RST'], A1, 0),
      { deliver: 'sa2' },
      send('r2', 'A', ['RST'], A1, 0),
      { deliver: 'r1' },
      { expect: { A: 'CLOSED', B: 'LISTEN' } },
      { deliver: 'r2' },
      { expect: { A: 'CLOSED', B: 'LISTEN' } },
    ]);
    expectValid(r);
    expect(r.steps.map((s) => s.states.B).slice(-4)).toEqual(['LISTEN', 'LISTEN', 'LISTEN', 'LISTEN']);
  });

  it('LISTEN sends nothing before a SYN arrives', () => {
    const r = replay([seg('B', ['ACK'], 1, 0)]);
    expect(r.steps[0]?.error?.code).toBe('LISTEN_SENDS_NOTHING');
  });
});

describe('SYN_SENT', () => {
  it('SYN_SENT + SYN,ACK(ack = ISS + 1) → ESTABLISHED, and its ACK has seq ISS + 1, ack = peer ISN + 1', () => {
    const r = replay(HANDSHAKE);
    expectValid(r);
    expect(r.steps.map((s) => s.states)).toEqual([
      { A: 'SYN_SENT', B: 'SYN_RECEIVED' },
      { A: 'ESTABLISHED', B: 'SYN_RECEIVED' },
      { A: 'ESTABLISHED', B: 'ESTABLISHED' },
    ]);
  });

  it('SYN_SENT + SYN,ACK with an unacceptable ack → stays SYN_SENT and owes RST <SEQ=SEG.ACK>', () => {
    const r = replay([
      send('1', 'A', ['SYN'], 1000, 0),
      { deliver: '1' },
      send('2', 'B', ['SYN', 'ACK'], 5000, 1001),
      { drop: '2' },
      // An old SYN,ACK from a previous incarnation arrives instead (as in RFC 9293 figure 8, line 4)
      { expect: { A: 'SYN_SENT' } },
    ]);
    expectValid(r);
    const old = replay([
      { app: { at: 'B', call: 'connect' } },
      seg('A', ['SYN'], 1000, 0),
    ], PEERS);
    expect(old.steps[1]?.states.B).toBe('SYN_RECEIVED');
  });

  it('SYN_SENT + RST,ACK with acceptable ack → CLOSED (refused)', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['RST', 'ACK'], 0, 1001)], REFUSING);
    expect(lastStep(r).states.A).toBe('CLOSED');
  });

  it('SYN_SENT + RST without ACK → ignored', () => {
    const r = replay([
      send('1', 'A', ['SYN'], 1000, 0),
      { drop: '1' },
      { app: { at: 'B', call: 'connect' } },
    ], PEERS);
    expectValid(r);
  });

  it('SYN_SENT + SYN → SYN_RECEIVED (simultaneous open) and the SYN,ACK repeats ISS', () => {
    const r = replay([
      { app: { at: 'A', call: 'connect' } },
      { app: { at: 'B', call: 'connect' } },
      send('a', 'A', ['SYN'], A_ISN, 0),
      send('b', 'B', ['SYN'], B_ISN, 0),
      { deliver: 'a' },
      { deliver: 'b' },
      { expect: { A: 'SYN_RECEIVED', B: 'SYN_RECEIVED' } },
      send('c', 'A', ['SYN', 'ACK'], A_ISN, B1),
      send('d', 'B', ['SYN', 'ACK'], B_ISN, A1),
      { deliver: 'c' },
      { deliver: 'd' },
      { expect: { A: 'ESTABLISHED', B: 'ESTABLISHED' } },
      seg('A', ['ACK'], A1, B1, 10),
    ], PEERS);
    expectValid(r);
  });

  it('SYN_RECEIVED in a simultaneous open: a SYN,ACK with seq ISS + 1 is wrong (it repeats the SYN)', () => {
    const r = replay([
      send('a', 'A', ['SYN'], 100, 0),
      send('b', 'B', ['SYN'], 200, 0),
      { deliver: 'a' },
      { deliver: 'b' },
      send('c', 'A', ['SYN', 'ACK'], 101, 201),
    ], PEERS);
    expect(r.steps[4]?.error).toMatchObject({ field: 'seq', expected: 100, code: 'SEQ_SYN_RETRANSMIT' });
  });

  it('SYN_SENT retransmits its SYN with the same ISN; a new ISN is an error', () => {
    const ok = replay([send('1', 'A', ['SYN'], A_ISN, 0), { drop: '1' }, { timeout: { at: 'A', timer: 'retransmit' } }, seg('A', ['SYN'], A_ISN, 0)]);
    expectValid(ok);
    const bad = replay([send('1', 'A', ['SYN'], A_ISN, 0), { drop: '1' }, seg('A', ['SYN'], 1234, 0)]);
    expect(bad.steps[2]?.error).toMatchObject({ field: 'seq', expected: A_ISN, code: 'SEQ_SYN_RETRANSMIT' });
  });

  it('SYN_SENT can send nothing but its SYN', () => {
    const r = replay([send('1', 'A', ['SYN'], 1, 0), seg('A', ['ACK'], 2, 0)]);
    expect(r.steps[1]?.error).toMatchObject({ field: 'flags', expected: ['SYN'], code: 'SYN_REQUIRED' });
  });
});

describe('SYN_RECEIVED', () => {
  it('SYN_RECEIVED + ACK of its SYN → ESTABLISHED', () => {
    expect(lastStep(replay(HANDSHAKE)).states.B).toBe('ESTABLISHED');
  });

  it('SYN_RECEIVED + duplicate SYN → stays SYN_RECEIVED; answering with SYN,ACK again or an ACK is legal', () => {
    for (const answer of [seg('B', ['SYN', 'ACK'], B_ISN, A1), seg('B', ['ACK'], B1, A1)]) {
      const r = replay([
        seg('A', ['SYN'], A_ISN, 0),
        send('sa', 'B', ['SYN', 'ACK'], B_ISN, A1),
        { drop: 'sa' },
        seg('A', ['SYN'], A_ISN, 0),
        { expect: { A: 'SYN_SENT', B: 'SYN_RECEIVED' } },
        answer,
      ]);
      expectValid(r);
    }
  });

  it('SYN_RECEIVED must answer a SYN with SYN,ACK: an ACK alone, or a SYN without ACK, is a flags error', () => {
    expect(replay([seg('A', ['SYN'], 1, 0), seg('B', ['ACK'], 9, 2)]).steps[1]?.error).toMatchObject({ field: 'flags', expected: ['SYN', 'ACK'], code: 'SYNACK_REQUIRED' });
    expect(replay([seg('A', ['SYN'], 1, 0), seg('B', ['SYN'], 9, 0)]).steps[1]?.error).toMatchObject({ field: 'flags', expected: ['SYN', 'ACK'], code: 'ACK_FLAG_REQUIRED' });
  });

  it('SYN_RECEIVED (passive) + RST with seq = RCV.NXT → back to LISTEN', () => {
    const r = replay([seg('A', ['SYN'], 100, 0), send('sa', 'B', ['SYN', 'ACK'], 500, 101), { drop: 'sa' }, seg('A', ['RST'], 101, 0)]);
    // A is SYN_SENT: a RST from it is not an abort the RFC sends, so it is flagged, but B still obeys it.
    expect(r.steps[3]?.states.B).toBe('LISTEN');
  });

  it('SYN_RECEIVED + an ACK that acknowledges nothing it sent → stays, owes RST <SEQ=SEG.ACK>', () => {
    const r = replay([
      seg('A', ['SYN'], 100, 0),
      send('sa', 'B', ['SYN', 'ACK'], 500, 101),
      { deliver: 'sa' },
      send('ack', 'A', ['ACK'], 101, 501),
      { drop: 'ack' },
      { expect: { B: 'SYN_RECEIVED' } },
    ]);
    expectValid(r);
  });

  it('SYN_RECEIVED + FIN,ACK (the third ACK was lost) → ESTABLISHED then CLOSE_WAIT', () => {
    const r = replay([
      seg('A', ['SYN'], 100, 0),
      seg('B', ['SYN', 'ACK'], 500, 101),
      send('ack', 'A', ['ACK'], 101, 501),
      { drop: 'ack' },
      seg('A', ['FIN', 'ACK'], 101, 501),
      { expect: { A: 'FIN_WAIT_1', B: 'CLOSE_WAIT' } },
      seg('B', ['ACK'], 501, 102),
    ]);
    expectValid(r);
  });

  it('SYN_RECEIVED sends no data before ESTABLISHED', () => {
    const r = replay([seg('A', ['SYN'], 1, 0), send('sa', 'B', ['SYN', 'ACK'], 9, 2), seg('B', ['PSH', 'ACK'], 10, 2, 5)]);
    expect(r.steps[2]?.error).toMatchObject({ field: 'len', expected: 0, code: 'DATA_BEFORE_ESTABLISHED' });
  });

  it('the SYN,ACK that acknowledges the ISN itself (ack = x) is explained: a SYN consumes one number', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['SYN', 'ACK'], 5000, 1000)]);
    expect(r.steps[1]?.error).toMatchObject({ field: 'ack', expected: 1001, got: 1000, code: 'ACK_OF_SYN' });
    expect(r.steps[1]?.error?.explain).toBe("B must acknowledge A's SYN: the SYN consumes one sequence number, so ack = 1000 + 1 = 1001.");
  });
});

describe('ESTABLISHED', () => {
  it('data on the handshake\'s last ACK is legal and acknowledged', () => {
    const r = replay([seg('A', ['SYN'], A_ISN, 0), seg('B', ['SYN', 'ACK'], B_ISN, A1), seg('A', ['PSH', 'ACK'], A1, B1, 100), seg('B', ['ACK'], B1, add(A1, 100))]);
    expectValid(r);
  });

  it('ESTABLISHED + data → RCV.NXT advances by len; an ack that misses the length is explained', () => {
    const r = replay([...HANDSHAKE, seg('A', ['PSH', 'ACK'], A1, B1, 100), seg('B', ['ACK'], B1, add(A1, 99))]);
    expect(r.steps[4]?.error).toMatchObject({ field: 'ack', expected: add(A1, 100), code: 'ACK_OF_DATA' });
  });

  it('the seq after the SYN is ISS + 1: seq = ISS again is explained', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['SYN', 'ACK'], 5000, 1001), seg('A', ['ACK'], 1000, 5001)]);
    expect(r.steps[2]?.error).toMatchObject({ field: 'seq', expected: 1001, code: 'SEQ_AFTER_SYN' });
    expect(r.steps[2]?.error?.explain).toContain('1000 + 1 = 1001');
  });

  it('after a SYN carrying data (Fast Open) the next seq is ISS + 1 + len, and the explanation adds both', () => {
    const r = replay([seg('A', ['SYN'], 100, 0, 10), seg('B', ['SYN', 'ACK'], 300, 111), seg('A', ['ACK'], 110, 301)]);
    expect(r.steps[2]?.error).toMatchObject({ field: 'seq', expected: 111, code: 'SEQ_AFTER_SYN' });
    expect(r.steps[2]?.error?.explain).toContain('100 + 11 = 111');
    const zh = replay([seg('A', ['SYN'], 100, 0, 10), seg('B', ['SYN', 'ACK'], 300, 111), seg('A', ['ACK'], 110, 301)], CLIENT_SERVER, 'zh');
    expect(zh.steps[2]?.error?.explain).toContain('100 + 11 = 111');
  });

  it('a wrong seq after data names the last segment WITH data, not a pure ACK sent since', () => {
    const r = replay([...HANDSHAKE, seg('A', ['PSH', 'ACK'], A1, B1, 10), seg('B', ['ACK'], B1, add(A1, 10)), seg('A', ['ACK'], A1, B1), seg('A', ['FIN', 'ACK'], A1, B1)]);
    expect(r.steps[6]?.error).toMatchObject({ field: 'seq', expected: add(A1, 10), code: 'SEQ_AFTER_DATA' });
    expect(r.steps[6]?.error?.explain).toMatch(/last segment with data started at seq/);
  });

  it('a pure ACK consumes no sequence number: the next data segment starts at the same seq', () => {
    expectValid(replay([...HANDSHAKE, seg('A', ['ACK'], A1, B1), seg('A', ['PSH', 'ACK'], A1, B1, 10)]));
  });

  it('several segments in flight are acknowledged by one cumulative ACK', () => {
    const r = replay([
      ...HANDSHAKE,
      send('1', 'A', ['ACK'], A1, B1, 100),
      send('2', 'A', ['ACK'], add(A1, 100), B1, 100),
      send('3', 'A', ['PSH', 'ACK'], add(A1, 200), B1, 50),
      { deliver: '1' }, { deliver: '2' }, { deliver: '3' },
      seg('B', ['ACK'], B1, add(A1, 250)),
    ]);
    expectValid(r);
  });

  it('out-of-order data is held: the ACK stays at the gap, then jumps when the gap fills', () => {
    const r = replay([
      ...HANDSHAKE,
      send('1', 'A', ['ACK'], A1, B1, 100),
      send('2', 'A', ['ACK'], add(A1, 100), B1, 100),
      { deliver: '2' },
      seg('B', ['ACK'], B1, A1), // duplicate ACK: still waiting for the first 100 bytes
      { drop: '1' },
      seg('A', ['ACK'], A1, B1, 100), // retransmission
      seg('B', ['ACK'], B1, add(A1, 200)),
    ]);
    expectValid(r);
  });

  it('a retransmission repeats bytes inside [SND.UNA, SND.NXT); beyond SND.NXT it is a len error', () => {
    const base = [...HANDSHAKE, send('1', 'A', ['ACK'], A1, B1, 100), { drop: '1' } as TraceEvent];
    expectValid(replay([...base, seg('A', ['ACK'], add(A1, 50), B1, 50)]));
    const r = replay([...base, seg('A', ['ACK'], add(A1, 50), B1, 80)]);
    expect(r.steps[5]?.error).toMatchObject({ field: 'len', expected: 50, code: 'RETRANSMIT_BEYOND_SENT' });
  });

  it('a seq past SND.NXT (a gap) is explained by the last segment sent', () => {
    const r = replay([...HANDSHAKE, seg('A', ['ACK'], A1, B1, 100), seg('A', ['ACK'], add(A1, 101), B1, 10)]);
    expect(r.steps[4]?.error).toMatchObject({ field: 'seq', expected: add(A1, 100), code: 'SEQ_AFTER_DATA' });
  });

  it('a keep-alive probe at SND.NXT - 1 is legal on an idle connection and answered with a plain ACK', () => {
    expectValid(replay([...HANDSHAKE, seg('A', ['ACK'], A_ISN, B1), seg('B', ['ACK'], B1, A1)]));
    expectValid(replay([...HANDSHAKE, seg('A', ['ACK'], A_ISN, B1, 1), seg('B', ['ACK'], B1, A1)]));
  });

  it('a duplicate ACK is legal', () => {
    expectValid(replay([...HANDSHAKE, seg('B', ['ACK'], B1, A1), seg('B', ['ACK'], B1, A1)]));
  });

  it('ESTABLISHED never sends SYN again', () => {
    const r = replay([...HANDSHAKE, seg('A', ['SYN', 'ACK'], A1, B1)]);
    expect(r.steps[3]?.error).toMatchObject({ field: 'flags', expected: ['ACK'], code: 'SYN_AFTER_SYNCHRONIZED' });
  });

  it('ESTABLISHED always sets ACK', () => {
    const r = replay([...HANDSHAKE, seg('A', ['PSH'], A1, 0, 5)]);
    expect(r.steps[3]?.error).toMatchObject({ field: 'flags', expected: ['PSH', 'ACK'], code: 'ACK_FLAG_REQUIRED' });
  });

  it('ESTABLISHED + FIN → CLOSE_WAIT; the ACK of a FIN is FIN + 1', () => {
    const r = replay([...A_FIN_SENT, seg('B', ['ACK'], B1, A1)]);
    expect(r.steps[3]?.states).toEqual({ A: 'FIN_WAIT_1', B: 'CLOSE_WAIT' });
    expect(r.steps[4]?.error).toMatchObject({ field: 'ack', expected: A2, code: 'ACK_OF_FIN' });
  });

  it('ESTABLISHED + RST with seq = RCV.NXT → CLOSED', () => {
    const r = replay([...HANDSHAKE, seg('A', ['RST'], A1, 0)]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'CLOSED', B: 'CLOSED' });
  });

  it('ESTABLISHED + RST in window but not exact → challenge ACK, stays ESTABLISHED (RFC 5961)', () => {
    const r = replay([...HANDSHAKE, send('r', 'A', ['RST'], add(A1, 10), 0), { deliver: 'r' }]);
    expect(r.steps[4]?.states.B).toBe('ESTABLISHED');
    expect(r.steps[3]?.error?.field).toBe('seq');
  });

  it('ESTABLISHED + RST in window but not exact → the receiver may reset instead (RFC 9293 3.5.3); what it does next shows which', () => {
    // A's 100 bytes are lost, then A aborts at its SND.NXT: 100 past B's RCV.NXT, inside the window.
    const inexact = [...HANDSHAKE, send('d', 'A', ['PSH', 'ACK'], A1, B1, 100), { drop: 'd' }, send('r', 'A', ['RST'], add(A1, 100), 0), { deliver: 'r' }];
    expectValid(replay(inexact));
    expect(replay(inexact).steps[6]?.states.B).toBe('ESTABLISHED');
    const reset = replay([...inexact, { expect: { B: 'CLOSED' } }]);
    expectValid(reset);
    expect(lastStep(reset).states.B).toBe('CLOSED');
    expectValid(replay([...inexact, seg('B', ['ACK'], B1, A1), { expect: { B: 'ESTABLISHED' } }]));
    // Once it answered with the challenge ACK, it has not reset.
    const both = replay([...inexact, seg('B', ['ACK'], B1, A1), { expect: { B: 'CLOSED' } }]);
    expect(lastStep(both).error).toMatchObject({ field: 'state', expected: 'ESTABLISHED' });
  });

  it('the receive window is 2^30 (RFC 7323): 2^29 bytes past RCV.NXT is inside, 2^30 + 10 is not', () => {
    const lost = (n: number): TraceEvent[] => [...HANDSHAKE, send('d', 'A', ['PSH', 'ACK'], A1, B1, n), { drop: 'd' }, send('r', 'A', ['RST'], add(A1, n), 0), { deliver: 'r' }, { expect: { B: 'CLOSED' } }];
    expectValid(replay(lost(0x2000_0000)));
    expect(lastStep(replay(lost(0x4000_0000))).error).toMatchObject({ field: 'state', expected: 'ESTABLISHED' });
  });

  it('ESTABLISHED + RST out of window → ignored', () => {
    const r = replay([...HANDSHAKE, send('r', 'A', ['RST'], add(A1, 0x5000_0000), 0), { deliver: 'r' }, { expect: { B: 'CLOSED' } }]);
    expect(r.steps[4]?.states.B).toBe('ESTABLISHED');
    expect(r.steps[5]?.error).toMatchObject({ field: 'state', expected: 'ESTABLISHED' });
  });

  it('ESTABLISHED + an old duplicate (seq below RCV.NXT) → answered, not obeyed', () => {
    const r = replay([
      ...HANDSHAKE,
      send('d', 'A', ['PSH', 'ACK'], A1, B1, 10),
      { deliver: 'd' },
      seg('A', ['PSH', 'ACK'], A1, B1, 10), // retransmitted although delivered
      seg('B', ['ACK'], B1, add(A1, 10)),
    ]);
    expectValid(r);
  });

  it('ESTABLISHED + an ACK of data never sent → ignored (answered by ACK), SND.UNA unchanged', () => {
    const r = replay([...HANDSHAKE, send('x', 'B', ['ACK'], B1, add(A1, 500)), { deliver: 'x' }, { expect: { A: 'ESTABLISHED' } }]);
    expect(r.steps[3]?.error?.field).toBe('ack');
    expect(r.steps[5]?.error).toBeNull();
  });

  it('ESTABLISHED + SYN in window → challenge ACK, stays ESTABLISHED', () => {
    const r = replay([...HANDSHAKE, send('s', 'A', ['SYN'], add(A1, 5), 0), { deliver: 's' }]);
    expect(r.steps[4]?.states.B).toBe('ESTABLISHED');
  });

  it('a RST without an abort call aborts: seq = SND.NXT, ACK optional', () => {
    expectValid(replay([...HANDSHAKE, seg('B', ['RST', 'ACK'], B1, A1)]));
    const r = replay([...HANDSHAKE, seg('B', ['RST'], add(B1, 1), 0)]);
    expect(r.steps[3]?.error).toMatchObject({ field: 'seq', expected: B1, code: 'SEQ_RST_ABORT' });
  });
});

describe('FIN_WAIT_1', () => {
  it('FIN_WAIT_1 + ACK of its FIN → FIN_WAIT_2', () => {
    expect(lastStep(replay(A_FIN_WAIT_2)).states).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
  });

  it('FIN_WAIT_1 + FIN that does not acknowledge its FIN → CLOSING', () => {
    const r = replay([...HANDSHAKE, send('fa', 'A', ['FIN', 'ACK'], A1, B1), send('fb', 'B', ['FIN', 'ACK'], B1, A1), { deliver: 'fb' }, { deliver: 'fa' }]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'CLOSING', B: 'CLOSING' });
  });

  it('FIN_WAIT_1 + FIN,ACK acknowledging its FIN → TIME_WAIT in one step', () => {
    const r = replay([...A_FIN_SENT, seg('B', ['FIN', 'ACK'], B1, A2)]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'TIME_WAIT', B: 'LAST_ACK' });
  });

  it('FIN_WAIT_1 sends no data after its FIN', () => {
    const r = replay([...A_FIN_SENT, seg('A', ['PSH', 'ACK'], A2, B1, 10)]);
    expect(r.steps[4]?.error).toMatchObject({ field: 'len', expected: 0, code: 'DATA_AFTER_OWN_FIN' });
  });

  it('FIN_WAIT_1 retransmits its FIN at the same seq; another seq is explained', () => {
    const base = [...HANDSHAKE, send('f', 'A', ['FIN', 'ACK'], A1, B1), { drop: 'f' } as TraceEvent, { timeout: { at: 'A', timer: 'retransmit' } } as TraceEvent];
    expectValid(replay([...base, seg('A', ['FIN', 'ACK'], A1, B1)]));
    const r = replay([...base, seg('A', ['FIN', 'ACK'], add(A1, 3), B1)]);
    expect(r.steps[6]?.error).toMatchObject({ field: 'seq', expected: A1, code: 'SEQ_FIN_RETRANSMIT' });
  });

  it('after close the FIN is owed: a bare ACK with nothing to acknowledge is a flags error', () => {
    const r = replay([...HANDSHAKE, { app: { at: 'A', call: 'close' } }, seg('A', ['ACK'], A1, B1)]);
    expect(r.steps[3]?.states.A).toBe('FIN_WAIT_1');
    expect(r.steps[4]?.error).toMatchObject({ field: 'flags', expected: ['FIN', 'ACK'], code: 'FIN_REQUIRED' });
  });

  it('after close, an ACK for data that just arrived is still legal before the FIN', () => {
    expectValid(replay([...HANDSHAKE, { app: { at: 'A', call: 'close' } }, seg('B', ['PSH', 'ACK'], B1, A1, 5), seg('A', ['ACK'], A1, add(B1, 5)), seg('A', ['FIN', 'ACK'], A1, add(B1, 5))]));
  });
});

describe('FIN_WAIT_2', () => {
  it('FIN_WAIT_2 + data → stays FIN_WAIT_2 and acknowledges it (half-close)', () => {
    const r = replay([...A_FIN_WAIT_2, seg('B', ['PSH', 'ACK'], B1, A2, 30), seg('A', ['ACK'], A2, add(B1, 30))]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
  });

  it('FIN_WAIT_2 + FIN → TIME_WAIT', () => {
    expect(lastStep(replay(A_TIME_WAIT)).states).toEqual({ A: 'TIME_WAIT', B: 'LAST_ACK' });
  });

  it('FIN_WAIT_2 sends no second FIN', () => {
    const r = replay([...A_FIN_WAIT_2, seg('A', ['FIN', 'ACK'], A2, B1)]);
    expect(r.steps[5]?.error).toMatchObject({ field: 'flags', expected: ['ACK'], code: 'FIN_AFTER_OWN_FIN' });
  });
});

describe('CLOSE_WAIT', () => {
  it('CLOSE_WAIT keeps sending data, then its FIN moves it to LAST_ACK', () => {
    const r = replay([...A_FIN_WAIT_2, seg('B', ['PSH', 'ACK'], B1, A2, 10), seg('A', ['ACK'], A2, add(B1, 10)), seg('B', ['FIN', 'ACK'], add(B1, 10), A2)]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'TIME_WAIT', B: 'LAST_ACK' });
  });

  it('CLOSE_WAIT + a retransmitted FIN → stays CLOSE_WAIT, acknowledged again', () => {
    const r = replay([...A_FIN_WAIT_2, seg('A', ['FIN', 'ACK'], A1, B1), seg('B', ['ACK'], B1, A2)]);
    expectValid(r);
    expect(lastStep(r).states.B).toBe('CLOSE_WAIT');
  });

  it('close in CLOSE_WAIT → LAST_ACK at once', () => {
    const r = replay([...A_FIN_WAIT_2, { app: { at: 'B', call: 'close' } }]);
    expect(lastStep(r).states.B).toBe('LAST_ACK');
  });
});

describe('CLOSING', () => {
  it('CLOSING + ACK of its FIN → TIME_WAIT; both sides end in TIME_WAIT', () => {
    const r = replay([
      ...HANDSHAKE,
      send('fa', 'A', ['FIN', 'ACK'], A1, B1), send('fb', 'B', ['FIN', 'ACK'], B1, A1),
      { deliver: 'fa' }, { deliver: 'fb' },
      seg('A', ['ACK'], A2, B2), seg('B', ['ACK'], B2, A2),
      { expect: { A: 'TIME_WAIT', B: 'TIME_WAIT' } },
    ]);
    expectValid(r);
  });
});

describe('LAST_ACK', () => {
  it('LAST_ACK + ACK of its FIN → CLOSED', () => {
    const r = replay([...A_TIME_WAIT, seg('A', ['ACK'], A2, B2)]);
    expectValid(r);
    expect(lastStep(r).states).toEqual({ A: 'TIME_WAIT', B: 'CLOSED' });
  });

  it('LAST_ACK + an ACK that does not cover its FIN → stays LAST_ACK', () => {
    const r = replay([...A_TIME_WAIT, send('x', 'A', ['ACK'], A2, B1), { deliver: 'x' }]);
    expect(lastStep(r).states.B).toBe('LAST_ACK');
  });

  it('the final ACK of the teardown acknowledges FIN + 1 (ack = w + 1)', () => {
    const r = replay([...A_TIME_WAIT, seg('A', ['ACK'], A2, B1)]);
    expect(r.steps[6]?.error).toMatchObject({ field: 'ack', expected: B2, code: 'ACK_OF_FIN' });
  });
});

describe('TIME_WAIT', () => {
  it('TIME_WAIT + retransmitted FIN → stays TIME_WAIT and acknowledges it again with the same numbers', () => {
    const r = replay([
      ...A_FIN_WAIT_2,
      send('f', 'B', ['FIN', 'ACK'], B1, A2), { deliver: 'f' },
      send('a', 'A', ['ACK'], A2, B2), { drop: 'a' },
      { timeout: { at: 'B', timer: 'retransmit' } },
      seg('B', ['FIN', 'ACK'], B1, A2),
      { expect: { A: 'TIME_WAIT', B: 'LAST_ACK' } },
      seg('A', ['ACK'], A2, B2),
      { expect: { A: 'TIME_WAIT', B: 'CLOSED' } },
    ]);
    expectValid(r);
  });

  it('TIME_WAIT + a new SYN above the old numbers: reopening with a higher ISN is legal (RFC 1122 4.2.2.13)', () => {
    // B closed first and waits in TIME_WAIT; A, long CLOSED, connects again from the same port.
    const bTimeWait: TraceEvent[] = [
      ...HANDSHAKE,
      seg('B', ['FIN', 'ACK'], B1, A1), seg('A', ['ACK'], A1, B2), seg('A', ['FIN', 'ACK'], A1, B2), seg('B', ['ACK'], B2, A2),
      { expect: { A: 'CLOSED', B: 'TIME_WAIT' } },
    ];
    const newSyn = seg('A', ['SYN'], add(A2, 100_000), 0);
    const newAck = add(A2, 100_001);
    const reopened = replay([...bTimeWait, newSyn, { expect: { B: 'TIME_WAIT' } }, seg('B', ['SYN', 'ACK'], add(B2, 50_000), newAck),
      { expect: { A: 'ESTABLISHED', B: 'SYN_RECEIVED' } }, seg('A', ['ACK'], newAck, add(B2, 50_001)), { expect: { A: 'ESTABLISHED', B: 'ESTABLISHED' } }]);
    expectValid(reopened);
    // staying in TIME_WAIT and answering with an ACK is legal too
    expectValid(replay([...bTimeWait, newSyn, seg('B', ['ACK'], B2, A2), { expect: { B: 'TIME_WAIT' } }]));
    // but not reopening with an ISN inside the old connection's numbers
    const low = replay([...bTimeWait, newSyn, seg('B', ['SYN', 'ACK'], B_ISN, newAck)]);
    expect(low.steps.at(-1)?.error).toMatchObject({ field: 'seq', expected: B2, code: 'SEQ_REOPEN_ISS' });
  });

  it('TIME_WAIT becomes CLOSED only through the 2MSL timer', () => {
    const r = replay([...A_TIME_WAIT, seg('A', ['ACK'], A2, B2), { timeout: { at: 'A', timer: 'time_wait' } }]);
    expect(lastStep(r).states.A).toBe('CLOSED');
    const wrong = replay([...A_TIME_WAIT, { timeout: { at: 'B', timer: 'time_wait' } }]);
    expect(lastStep(wrong).error?.code).toBe('TIME_WAIT_TIMER_NOT_RUNNING');
  });

  it('TIME_WAIT sends no data and no FIN', () => {
    expect(replay([...A_TIME_WAIT, seg('A', ['ACK'], A2, B2, 5)]).steps[6]?.error?.field).toBe('len');
  });

  it('a checkpoint that puts the passive closer in TIME_WAIT is a state error naming the real state', () => {
    const r = replay([...A_TIME_WAIT, { expect: { A: 'TIME_WAIT', B: 'TIME_WAIT' } }]);
    expect(r.steps[6]?.error).toMatchObject({ field: 'state', expected: 'LAST_ACK', got: 'TIME_WAIT', code: 'STATE_MISMATCH' });
  });
});

describe('application calls and timers', () => {
  it('connect on a live connection is an event error', () => {
    expect(replay([...HANDSHAKE, { app: { at: 'A', call: 'connect' } }]).steps[3]?.error).toMatchObject({ field: 'event', code: 'APP_CALL_CONNECTION_EXISTS' });
  });

  it('send after close is refused (connection closing)', () => {
    const r = replay([...HANDSHAKE, { app: { at: 'A', call: 'close' } }, seg('A', ['FIN', 'ACK'], A1, B1), { app: { at: 'A', call: 'send', len: 5 } }]);
    expect(firstError(r)).toBe(5);
    expect(r.steps[5]?.error?.code).toBe('APP_CALL_CONNECTION_CLOSING');
  });

  it('with an endpoint\'s calls shown, a FIN still implies its close, but a RST needs a shown abort', () => {
    const fin = replay([...HANDSHAKE, { app: { at: 'A', call: 'send', len: 5 } }, seg('A', ['FIN', 'ACK'], A1, B1), { expect: { A: 'FIN_WAIT_1', B: 'CLOSE_WAIT' } }]);
    expectValid(fin);
    const afterPeer = replay([...HANDSHAKE, { app: { at: 'B', call: 'close' } }, seg('B', ['FIN', 'ACK'], B1, A1), seg('A', ['FIN', 'ACK'], A1, add(B1, 1)), { expect: { A: 'LAST_ACK', B: 'TIME_WAIT' } }]);
    expectValid(afterPeer);
    const rst = replay([...HANDSHAKE, { app: { at: 'B', call: 'send', len: 5 } }, seg('B', ['RST'], B1, 0)]);
    expect(rst.steps[4]?.error?.code).toBe('RST_WITHOUT_ABORT');
    // After close (not shutdown) the application reads nothing more: a RST may report lost data.
    expectValid(replay([...HANDSHAKE, { app: { at: 'A', call: 'close' } }, seg('A', ['FIN', 'ACK'], A1, B1), seg('B', ['PSH', 'ACK'], B1, A2, 10), seg('A', ['RST', 'ACK'], A2, add(B1, 10))]));
    // So may a close with data received before it (Linux: RST,ACK at once instead of a FIN).
    expectValid(replay([...HANDSHAKE, seg('B', ['PSH', 'ACK'], B1, A1, 10), { app: { at: 'A', call: 'close' } }, seg('A', ['RST', 'ACK'], A1, add(B1, 10)), { expect: { A: 'CLOSED', B: 'CLOSED' } }]));
    // A close with nothing received leaves nothing unread: it sends a FIN, and a RST needs an abort.
    const closeNothingRead = replay([...HANDSHAKE, { app: { at: 'A', call: 'close' } }, seg('A', ['RST', 'ACK'], A1, B1)]);
    expect(closeNothingRead.steps[4]?.error?.code).toBe('RST_WITHOUT_ABORT');
    const dataStillInFlight = replay([...HANDSHAKE, send('d', 'B', ['PSH', 'ACK'], B1, A1, 10), { app: { at: 'A', call: 'close' } }, seg('A', ['RST'], A1, 0)]);
    expect(dataStillInFlight.steps[5]?.error?.code).toBe('RST_WITHOUT_ABORT');
    const afterShutdown = replay([...HANDSHAKE, { app: { at: 'A', call: 'shutdown' } }, seg('A', ['FIN', 'ACK'], A1, B1), seg('A', ['RST'], A2, 0)]);
    expect(afterShutdown.steps[5]?.error?.code).toBe('RST_WITHOUT_ABORT');
    // The other endpoint's calls are not shown: its FIN implies its close, as in a capture.
    expectValid(replay([...HANDSHAKE, { app: { at: 'A', call: 'send', len: 5 } }, seg('B', ['FIN', 'ACK'], B1, A1)]));
  });

  it('with calls shown, a RST after close is legal exactly when data reached the closer (before the close or after it)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.boolean(), (before, after, withAck) => {
        const events: TraceEvent[] = [...HANDSHAKE];
        let b = B1;
        for (let i = 0; i < before; i++, b = add(b, 10)) events.push(seg('B', ['PSH', 'ACK'], b, A1, 10), seg('A', ['ACK'], A1, add(b, 10)));
        events.push({ app: { at: 'A', call: 'close' } }, seg('A', ['FIN', 'ACK'], A1, b), seg('B', ['ACK'], b, A2));
        for (let i = 0; i < after; i++, b = add(b, 10)) events.push(seg('B', ['PSH', 'ACK'], b, A2, 10));
        const at = events.length;
        events.push(seg('A', withAck ? ['RST', 'ACK'] : ['RST'], A2, withAck ? b : 0));
        const r = replay(events);
        expect(r.steps[at]?.error?.code ?? null).toBe(before + after > 0 ? null : 'RST_WITHOUT_ABORT');
      }),
      { numRuns: 60 },
    );
  });

  it('close on a CLOSED endpoint is an event error; close after shutdown is not', () => {
    expect(replay([{ app: { at: 'A', call: 'close' } }]).steps[0]?.error?.code).toBe('APP_CALL_NO_CONNECTION');
    expectValid(replay([...HANDSHAKE, { app: { at: 'A', call: 'shutdown' } }, seg('A', ['FIN', 'ACK'], A1, B1), { app: { at: 'A', call: 'close' } }]));
  });

  it('abort in ESTABLISHED → CLOSED at once; the RST follows at SND.NXT', () => {
    const r = replay([...HANDSHAKE, { app: { at: 'A', call: 'abort' } }, { expect: { A: 'CLOSED', B: 'ESTABLISHED' } }, seg('A', ['RST'], A1, 0)]);
    expectValid(r);
    expect(lastStep(r).states.B).toBe('CLOSED');
  });

  it('after an abort call the RST may carry ACK with ack = RCV.NXT (Linux sends RST,ACK); a wrong ack names the data received', () => {
    const data = [...HANDSHAKE, seg('B', ['PSH', 'ACK'], B1, A1, 10), { app: { at: 'A', call: 'abort' } } as TraceEvent];
    expectValid(replay([...data, seg('A', ['RST', 'ACK'], A1, add(B1, 10))]));
    expectValid(replay([...data, seg('A', ['RST'], A1, 0)]));
    const wrong = replay([...data, seg('A', ['RST', 'ACK'], A1, 0)]);
    expect(lastStep(wrong).error).toMatchObject({ field: 'ack', expected: add(B1, 10), code: 'ACK_OF_DATA' });
  });

  it('abort in SYN_SENT sends no RST (RFC 9293 3.10.5)', () => {
    const r = replay([send('s', 'A', ['SYN'], 5, 0), { app: { at: 'A', call: 'abort' } }, seg('A', ['RST'], 6, 0)]);
    expect(r.steps[2]?.error?.code).toBe('RST_NOTHING_TO_RESET');
  });

  it('listen on a listening server changes nothing; on a live connection it is an event error', () => {
    expectValid(replay([{ app: { at: 'B', call: 'listen' } }, ...HANDSHAKE]));
    expect(replay([...HANDSHAKE, { app: { at: 'B', call: 'listen' } }]).steps[3]?.error?.code).toBe('APP_CALL_CONNECTION_EXISTS');
  });

  it('listen on a CLOSED endpoint makes it accept a SYN', () => {
    const r = replay([{ app: { at: 'B', call: 'listen' } }, seg('A', ['SYN'], 9, 0)], { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } });
    expect(lastStep(r).states.B).toBe('SYN_RECEIVED');
  });

  it('the retransmission timer runs only while something is unacknowledged', () => {
    expect(replay([...HANDSHAKE, { timeout: { at: 'A', timer: 'retransmit' } }]).steps[3]?.error?.code).toBe('RETRANSMIT_TIMER_NOT_RUNNING');
    expectValid(replay([send('s', 'A', ['SYN'], 5, 0), { timeout: { at: 'A', timer: 'retransmit' } }]));
  });
});

describe('network events', () => {
  it('delivering an unknown id, delivering twice and reusing an id are event errors', () => {
    expect(replay([{ deliver: 'nope' }]).steps[0]?.error).toMatchObject({ field: 'event', code: 'UNKNOWN_SEGMENT_ID' });
    expect(replay([send('1', 'A', ['SYN'], 1, 0), { deliver: '1' }, { deliver: '1' }]).steps[2]?.error?.code).toBe('SEGMENT_NOT_IN_FLIGHT');
    expect(replay([send('1', 'A', ['SYN'], 1, 0), send('1', 'A', ['SYN'], 1, 0)]).steps[1]?.error?.code).toBe('DUPLICATE_SEGMENT_ID');
    expect(replay([send('1', 'A', ['SYN'], 1, 0), { drop: '1' }, { deliver: '1' }]).steps[2]?.error?.code).toBe('SEGMENT_NOT_IN_FLIGHT');
  });

  it('a segment in flight does not change the receiver until delivered', () => {
    const r = replay([send('1', 'A', ['SYN'], 1, 0), { expect: { B: 'LISTEN' } }, { deliver: '1' }, { expect: { B: 'SYN_RECEIVED' } }]);
    expectValid(r);
  });
});

describe('explanations', () => {
  it('exist in Chinese with the same numbers', () => {
    const r = replay([seg('A', ['SYN'], 1000, 0), seg('B', ['SYN', 'ACK'], 5000, 1002)], undefined, 'zh');
    expect(r.steps[1]?.error?.explain).toBe('B 必须确认 A 的 SYN：SYN 消耗一个序号，所以 ack = 1000 + 1 = 1001。');
  });
});
