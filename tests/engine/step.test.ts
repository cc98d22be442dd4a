// The engine as a step function: stepping a snapshot event by event is replay, a snapshot is
// plain JSON that survives storage, the snapshot passed in is never changed, every state change
// is recorded, and a trace view extended one step at a time is the view of the whole trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extendTraceView,
  generateScenario,
  openConnection,
  owedOf,
  parseTrace,
  replayRecords,
  SCENARIO_FAMILIES,
  snapshotAfter,
  statesOf,
  step,
  traceViewOf,
  type ConnectionSnapshot,
  type StepResult,
  type Trace,
} from '@/lib/engine';
import { endpoint, event } from './arbitraries';

const randomTrace = fc.record({ endpoints: fc.record({ A: endpoint, B: endpoint }), events: fc.array(event, { maxLength: 40 }) }).map((t) => parseTrace(t));
const scenario = fc
  .tuple(fc.constantFrom(...SCENARIO_FAMILIES), fc.nat(), fc.constantFrom('beginner', 'expert') as fc.Arbitrary<'beginner' | 'expert'>)
  .map(([f, seed, difficulty]) => generateScenario(f, { seed, difficulty }));
const anyTrace = fc.oneof(scenario, randomTrace);

/** Steps through a trace from its opening snapshot, keeping every result. */
function stepThrough(trace: Trace): StepResult[] {
  let snapshot: ConnectionSnapshot = openConnection(trace);
  return trace.events.map((e) => {
    const result = step(snapshot, e);
    snapshot = result.snapshot;
    return result;
  });
}

describe('step(snapshot, event)', () => {
  it('stepping event by event gives exactly what replay records: states, findings, arrivals, moves', () => {
    fc.assert(
      fc.property(anyTrace, (trace) => {
        const records = replayRecords(trace);
        const results = stepThrough(trace);
        results.forEach((r, i) => {
          const rec = records[i];
          expect({ states: statesOf(r.snapshot), finding: r.finding, outcome: r.outcome, moves: r.moves }).toEqual({ ...rec, moves: [...(rec?.moves ?? [])] });
        });
        if (results.length > 0) expect(results.at(-1)?.snapshot).toEqual(snapshotAfter(trace));
      }),
      { numRuns: 300 },
    );
  });

  it('never changes the snapshot it is given, and a snapshot through JSON steps the same', () => {
    fc.assert(
      fc.property(anyTrace, fc.nat(), (trace, cut) => {
        const at = trace.events.length === 0 ? 0 : cut % trace.events.length;
        const before = snapshotAfter({ ...trace, events: trace.events.slice(0, at) });
        const frozen = JSON.stringify(before);
        const next = trace.events[at] ?? { expect: {} };
        const direct = step(before, next);
        expect(JSON.stringify(before)).toBe(frozen);
        const stored = step(JSON.parse(frozen) as ConnectionSnapshot, next);
        expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(direct)));
      }),
      { numRuns: 300 },
    );
  });

  it('records every state change: the moves of a step chain from the states before to the states after', () => {
    fc.assert(
      fc.property(anyTrace, (trace) => {
        let states = statesOf(openConnection(trace));
        for (const r of stepThrough(trace)) {
          const after = statesOf(r.snapshot);
          for (const side of ['A', 'B'] as const) {
            let at = states[side];
            for (const m of r.moves.filter((x) => x.side === side)) {
              expect(m.from).toBe(at);
              expect(m.to).not.toBe(m.from);
              at = m.to;
            }
            expect(at).toBe(after[side]);
          }
          states = after;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says what each side owes after the step, as owedOf reads it off the snapshot', () => {
    fc.assert(
      fc.property(anyTrace, (trace) => {
        for (const r of stepThrough(trace)) expect(r.owed).toEqual({ A: owedOf(r.snapshot, 'A'), B: owedOf(r.snapshot, 'B') });
      }),
      { numRuns: 100 },
    );
  });

  it('SYN_SENT + SYN,ACK(ack=ISS+1) moves A through one recorded move and owes the final ACK', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'client' }, B: { role: 'server' } },
      events: [
        { from: 'A', flags: ['SYN'], seq: 0xffff_ffff, ack: 0, len: 0 },
        { from: 'B', flags: ['SYN', 'ACK'], seq: 7000, ack: 0, len: 0 },
      ],
    });
    const [syn, synAck] = stepThrough(trace);
    expect(syn?.moves).toEqual([
      { side: 'A', from: 'CLOSED', to: 'SYN_SENT' },
      { side: 'B', from: 'LISTEN', to: 'SYN_RECEIVED' },
    ]);
    expect(syn?.owed.B).toEqual({ flags: ['SYN', 'ACK'], seq: null, ack: 0, len: 0 });
    expect(synAck?.moves).toEqual([{ side: 'A', from: 'SYN_SENT', to: 'ESTABLISHED' }]);
    expect(synAck?.owed.A).toEqual({ flags: ['ACK'], seq: 0, ack: 7001, len: 0 });
  });

  it('a segment id "__proto__" is an ordinary id, in a fresh snapshot and in one read back from JSON', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'client' }, B: { role: 'server' } },
      events: [{ send: { from: 'A', flags: ['SYN'], seq: 1, ack: 0, len: 0 }, id: '__proto__' }],
    });
    const sent = snapshotAfter(trace);
    for (const snapshot of [sent, JSON.parse(JSON.stringify(sent)) as ConnectionSnapshot]) {
      const delivered = step(snapshot, { deliver: '__proto__' });
      expect(delivered.finding).toBeNull();
      expect(statesOf(delivered.snapshot)).toEqual({ A: 'SYN_SENT', B: 'SYN_RECEIVED' });
      expect(step(delivered.snapshot, { deliver: '__proto__' }).finding?.code).toBe('SEGMENT_NOT_IN_FLIGHT');
    }
  });
});

describe('extendTraceView', () => {
  it('a view extended one step at a time is the view of the whole trace, in both languages', () => {
    fc.assert(
      fc.property(anyTrace, fc.constantFrom('en', 'zh') as fc.Arbitrary<'en' | 'zh'>, (trace, lang) => {
        let view = traceViewOf({ ...trace, events: [] }, lang, 'c');
        let snapshot = openConnection(trace);
        for (const e of trace.events) {
          const r = step(snapshot, e);
          view = extendTraceView(view, e, r, lang);
          snapshot = r.snapshot;
        }
        expect(view).toEqual(traceViewOf(trace, lang, 'c'));
      }),
      { numRuns: 200 },
    );
  });
});
