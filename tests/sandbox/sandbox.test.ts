// The sandbox's engine side: the automatic endpoint answers as a conforming TCP, closes after its
// peer when asked to, keeps one ISN per connection, refuses an illegal event without applying
// it, and does the same engine work per click however long the connection has run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { replayTrace, type Segment, type TraceEvent } from '@/lib/engine';
import { playEvent, startSandbox, timerRunning, type SandboxState } from '@/lib/sandbox/sandbox';

// Every transition the engine makes, by `step` or by a replay, goes through applyEvent.
const transitions = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/engine/internal/connection', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/engine/internal/connection')>();
  return {
    ...original,
    applyEvent: (...args: Parameters<typeof original.applyEvent>) => {
      transitions.count++;
      return original.applyEvent(...args);
    },
  };
});

const half = () => 0.5; // roundIsn(0.5) = 2147483000
const ISN = 2_147_483_000;

function play(state: SandboxState, event: TraceEvent): SandboxState {
  const result = playEvent(state, event, half);
  if (!result.accepted) throw new Error(`refused: ${result.finding.code}`);
  return result.state;
}

/** The learner, as client A, opens; returns the state once both sides are ESTABLISHED. */
function handshake(): SandboxState {
  let s = play(startSandbox('A', 'en'), { from: 'A', flags: ['SYN'], seq: 100, ack: 0, len: 0 });
  s = play(s, { from: 'A', flags: ['ACK'], seq: 101, ack: ISN + 1, len: 0 });
  return s;
}

beforeEach(() => {
  transitions.count = 0;
});

describe('sandbox', () => {
  it('the engine answers a SYN with SYN,ACK at its round ISN, and the handshake completes', () => {
    const first = playEvent(startSandbox('A', 'en'), { from: 'A', flags: ['SYN'], seq: 100, ack: 0, len: 0 }, half);
    expect(first.accepted).toBe(true);
    if (!first.accepted) return;
    expect(first.actions).toEqual([{ kind: 'sent', side: 'B', segment: { from: 'B', flags: ['SYN', 'ACK'], seq: ISN, ack: 101, len: 0 } }]);
    expect(first.said).toMatch(/^A sends SYN/);
    const s = play(first.state, { from: 'A', flags: ['ACK'], seq: 101, ack: ISN + 1, len: 0 });
    expect(s.view.steps.at(-1)?.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
    expect(s.isn).toBe(ISN);
    expect(replayTrace(s.trace).valid).toBe(true);
  });

  it('an illegal segment is refused with its finding and changes nothing', () => {
    const s = handshake();
    const result = playEvent(s, { from: 'A', flags: ['SYN'], seq: 5, ack: 0, len: 0 }, half);
    expect(result.accepted).toBe(false);
    if (result.accepted) return;
    expect(result.finding.code).toBe('SYN_AFTER_SYNCHRONIZED');
    expect(result.state).toBe(s);
  });

  it('once the learner closes, the engine acknowledges, closes too and sends its FIN; without auto-close it waits', () => {
    const s = handshake();
    const fin: TraceEvent = { from: 'A', flags: ['FIN', 'ACK'], seq: 101, ack: ISN + 1, len: 0 };
    const closing = playEvent(s, fin, half);
    if (!closing.accepted) throw new Error('refused');
    expect(closing.actions.map((a) => (a.kind === 'sent' ? a.segment.flags.join(',') : a.kind))).toEqual(['ACK', 'closed', 'FIN,ACK']);
    expect(closing.state.view.steps.at(-1)?.states).toEqual({ A: 'TIME_WAIT', B: 'LAST_ACK' });
    const waiting = playEvent({ ...s, autoClose: false }, fin, half);
    if (!waiting.accepted) throw new Error('refused');
    expect(waiting.actions).toEqual([{ kind: 'sent', side: 'B', segment: { from: 'B', flags: ['ACK'], seq: ISN + 1, ack: 102, len: 0 } }]);
    expect(waiting.state.view.steps.at(-1)?.states).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
  });

  it("the learner's connect() sends its side's SYN at once (RFC 9293 3.10.1), and the engine answers it", () => {
    const opened = playEvent(startSandbox('A', 'en'), { app: { at: 'A', call: 'connect' } }, half);
    if (!opened.accepted) throw new Error('refused');
    expect(opened.actions).toEqual([
      { kind: 'opened', side: 'A', segment: { from: 'A', flags: ['SYN'], seq: ISN, ack: 0, len: 0 } },
      { kind: 'sent', side: 'B', segment: { from: 'B', flags: ['SYN', 'ACK'], seq: ISN, ack: ISN + 1, len: 0 } },
    ]);
    expect(opened.state.view.steps.at(-1)?.states).toEqual({ A: 'ESTABLISHED', B: 'SYN_RECEIVED' });
    expect(replayTrace(opened.state.trace).valid).toBe(true);
  });

  it("the learner's close() sends its FIN,ACK at SND.NXT and RCV.NXT at once (RFC 9293 3.10.4), so FIN_WAIT_1 is true on the wire", () => {
    const data = play(handshake(), { from: 'A', flags: ['PSH', 'ACK'], seq: 101, ack: ISN + 1, len: 100 });
    const closed = playEvent({ ...data, autoClose: false }, { app: { at: 'A', call: 'close' } }, half);
    if (!closed.accepted) throw new Error('refused');
    expect(closed.said).toMatch(/close.*FIN_WAIT_1/);
    expect(closed.actions).toEqual([
      { kind: 'finSent', side: 'A', segment: { from: 'A', flags: ['FIN', 'ACK'], seq: 201, ack: ISN + 1, len: 0 } },
      { kind: 'sent', side: 'B', segment: { from: 'B', flags: ['ACK'], seq: ISN + 1, ack: 202, len: 0 } },
    ]);
    expect(closed.state.view.steps.at(-1)?.states).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
    expect(replayTrace(closed.state.trace).valid).toBe(true);
  });

  it('a close() that owes no FIN sends nothing; the passive close sends its FIN too (playing both sides)', () => {
    const opened = play(startSandbox('both', 'en'), { app: { at: 'A', call: 'connect' } });
    const aborted = playEvent(opened, { app: { at: 'A', call: 'close' } }, half);
    expect(aborted.accepted && aborted.actions).toEqual([]);
    let s = play(opened, { from: 'B', flags: ['SYN', 'ACK'], seq: 7000, ack: ISN + 1, len: 0 });
    s = play(s, { from: 'A', flags: ['ACK'], seq: ISN + 1, ack: 7001, len: 0 });
    s = play(s, { app: { at: 'A', call: 'close' } });
    s = play(s, { from: 'B', flags: ['ACK'], seq: 7001, ack: ISN + 2, len: 0 });
    const last = playEvent(s, { app: { at: 'B', call: 'close' } }, half);
    expect(last.accepted && last.actions).toEqual([{ kind: 'finSent', side: 'B', segment: { from: 'B', flags: ['FIN', 'ACK'], seq: 7001, ack: ISN + 2, len: 0 } }]);
    expect(last.accepted && last.state.view.steps.at(-1)?.states).toEqual({ A: 'TIME_WAIT', B: 'LAST_ACK' });
  });

  it('a timer can be fired only while it runs', () => {
    const fresh = startSandbox('A', 'en');
    expect(timerRunning(fresh, 'A', 'retransmit')).toBe(false);
    expect(timerRunning(fresh, 'A', 'time_wait')).toBe(false);
    // A's SYN is sent (and answered); A's ACK then leaves nothing unacknowledged.
    const afterSyn = play(fresh, { from: 'A', flags: ['SYN'], seq: 100, ack: 0, len: 0 });
    expect(timerRunning(afterSyn, 'B', 'retransmit')).toBe(true);
    expect(timerRunning(handshake(), 'A', 'retransmit')).toBe(false);
  });

  it('playing both sides, the engine sends nothing', () => {
    const result = playEvent(startSandbox('both', 'zh'), { from: 'A', flags: ['SYN'], seq: 1, ack: 0, len: 0 }, half);
    expect(result.accepted && result.actions).toEqual([]);
  });

  it('does a constant amount of engine work per click, however long the connection has run', () => {
    let s = handshake();
    let seq = 101;
    const perClick: number[] = [];
    for (let i = 0; i < 300; i++) {
      const data: Segment = { from: 'A', flags: ['PSH', 'ACK'], seq, ack: ISN + 1, len: 10 };
      seq += 10;
      transitions.count = 0;
      s = play(s, data);
      perClick.push(transitions.count);
    }
    // The learner's segment and the engine's ACK: two transitions a click, at click 1 and click 300.
    expect(new Set(perClick)).toEqual(new Set([2]));
    expect(s.view.steps).toHaveLength(3 + 600);
    expect(s.view.narration.at(-1)).toMatch(/^B sends ACK/);
  });
});
