// Replay of arbitrary input never throws anything but a TraceFormatError, and a parsed trace
// with arbitrary events always yields one step per event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrace, replayTrace, TraceFormatError, type Trace } from '@/lib/engine';
import { endpoint, event } from './arbitraries';

function replayOrFormatError(input: unknown): 'ok' | 'format' {
  try {
    const trace = parseTrace(input);
    const r = replayTrace(trace);
    expect(r.steps).toHaveLength(trace.events.length);
    return 'ok';
  } catch (e) {
    if (e instanceof TraceFormatError) return 'format';
    throw e;
  }
}

describe('robustness', () => {
  it('arbitrary JSON is either a trace or a TraceFormatError, never a crash', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => ['ok', 'format'].includes(replayOrFormatError(v))), { numRuns: 2000 });
  });

  it('near-miss traces (right shape, random fields) fail with a TraceFormatError naming a path', () => {
    fc.assert(
      fc.property(fc.record({ endpoints: fc.record({ A: endpoint, B: fc.anything() }), events: fc.array(fc.anything(), { maxLength: 5 }) }), (v) => {
        replayOrFormatError(v);
      }),
    );
    expect(() => parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [{ from: 'A', flags: ['SYN'], seq: -1, ack: 0 }] })).toThrow(
      /\$\.events\[0\]\.seq: expected an integer/,
    );
    expect(() => parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [{ from: 'A', flags: ['SYN', 'SYN'], seq: 1, ack: 0 }] })).toThrow(/appears twice/);
    expect(() => parseTrace({ endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [{ frm: 'A' }] })).toThrow(/unknown event/);
  });

  it('random well-formed events replay to one step per event without throwing', () => {
    fc.assert(
      fc.property(fc.record({ endpoints: fc.record({ A: endpoint, B: endpoint }), events: fc.array(event, { maxLength: 40 }) }), (t) => {
        const trace = t as Trace;
        const r = replayTrace(parseTrace(trace));
        expect(r.steps).toHaveLength(trace.events.length);
        expect(r.valid).toBe(r.steps.every((s) => s.error === null));
        for (const s of r.steps) if (s.error) expect(s.error.explain.length).toBeGreaterThan(10);
      }),
      { numRuns: 1500 },
    );
  });
});
