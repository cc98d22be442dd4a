import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, owedSegments, parseTrace, replayTrace, SCENARIO_FAMILIES, snapshotAfter, type Trace, type TraceEvent } from '@/lib/engine';

const ends = { A: { role: 'client' as const }, B: { role: 'server' as const } };
const trace = (events: TraceEvent[]): Trace => parseTrace({ endpoints: ends, events });

describe('owedSegments: the automatic side of the sandbox', () => {
  it('a server answers a SYN with SYN,ACK, then the client owes the final ACK', () => {
    const t = trace([{ from: 'A', flags: ['SYN'], seq: 100, ack: 0, len: 0 }]);
    expect(owedSegments(snapshotAfter(t), 'B', 7000)).toEqual([{ from: 'B', flags: ['SYN', 'ACK'], seq: 7000, ack: 101, len: 0 }]);
    const t2 = trace([...t.events, ...owedSegments(snapshotAfter(t), 'B', 7000)]);
    expect(owedSegments(snapshotAfter(t2), 'A', 1)).toEqual([{ from: 'A', flags: ['ACK'], seq: 101, ack: 7001, len: 0 }]);
  });

  it('after a close the FIN is owed; an endpoint with nothing owed sends nothing', () => {
    const t = trace([{ app: { at: 'A', call: 'connect' } }]);
    expect(owedSegments(snapshotAfter(t), 'A', 42)[0]).toMatchObject({ flags: ['SYN'], seq: 42 });
    expect(owedSegments(snapshotAfter(trace([])), 'A', 42)).toEqual([]);
  });

  it('a CLOSED port answers with RST,ACK', () => {
    const t = parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server', initial: 'CLOSED' } }, events: [{ from: 'A', flags: ['SYN'], seq: 9, ack: 0 }] });
    expect(owedSegments(snapshotAfter(t), 'B', 1)).toEqual([{ from: 'B', flags: ['RST', 'ACK'], seq: 0, ack: 10, len: 0 }]);
  });

  it('whatever a valid trace leaves owed, sending it keeps the trace valid', () => {
    fc.assert(fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.nat(), fc.nat({ max: 60 }), fc.constantFrom('A', 'B'), (f, s, cut, side) => {
      const full = generateScenario(f, { seed: s, difficulty: 'expert' });
      const t = { ...full, events: full.events.slice(0, cut).filter((e) => !('expect' in e)) };
      const replies = owedSegments(snapshotAfter(t), side as 'A' | 'B', 12345);
      expect(replayTrace({ ...t, events: [...t.events, ...replies] }).valid).toBe(true);
    }), { numRuns: 300 });
  });
});
