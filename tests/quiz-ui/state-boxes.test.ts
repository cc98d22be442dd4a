// The state diagram marks each side once: CLOSED has two boxes (where a connection starts and
// where it ends), and a side is in exactly one of them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateScenario, parseTrace, SCENARIO_FAMILIES, traceViewOf } from '@/lib/engine';
import { stateBoxes } from '@/app/_components/trace/state-diagram';

describe('stateBoxes', () => {
  it('two peers that start CLOSED share the top box; once closed after a connection, the end box', () => {
    const open = traceViewOf(parseTrace({ endpoints: { A: { role: 'peer' }, B: { role: 'peer' } }, events: [] }), 'en');
    expect(stateBoxes(open, 0)).toEqual({ A: 'CLOSED', B: 'CLOSED' });
    const seg = (from: 'A' | 'B', flags: string[], seq: number, ack: number) => ({ from, flags, seq, ack, len: 0 });
    const closed = traceViewOf(
      parseTrace({
        endpoints: { A: { role: 'client' }, B: { role: 'server' } },
        events: [
          seg('A', ['SYN'], 1000, 0),
          seg('B', ['SYN', 'ACK'], 5000, 1001),
          seg('A', ['ACK'], 1001, 5001),
          seg('A', ['FIN', 'ACK'], 1001, 5001),
          seg('B', ['ACK'], 5001, 1002),
          seg('B', ['FIN', 'ACK'], 5001, 1002),
          seg('A', ['ACK'], 1002, 5002),
          { timeout: { at: 'A', timer: 'time_wait' } },
        ],
      }),
      'en',
    );
    expect(stateBoxes(closed, 0)).toEqual({ A: 'CLOSED', B: 'LISTEN' });
    expect(stateBoxes(closed, 7)).toEqual({ A: 'TIME_WAIT', B: 'CLOSED_END' });
    expect(stateBoxes(closed, 8)).toEqual({ A: 'CLOSED_END', B: 'CLOSED_END' });
  });

  it('a refused open goes back to the top CLOSED box', () => {
    const view = traceViewOf(generateScenario('refused', { seed: 2 }), 'en');
    const last = view.events.length;
    expect(view.steps[last - 1]?.states.A).toBe('CLOSED');
    expect(stateBoxes(view, last).A).toBe('CLOSED');
  });

  it('every side at every step of every family is in the box of its state (CLOSED in one of the two)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (family, seed) => {
        const view = traceViewOf(generateScenario(family, { seed }), 'en');
        for (let step = 0; step <= view.events.length; step++) {
          const states = step === 0 ? view.initial : view.steps[step - 1]!.states;
          const boxes = stateBoxes(view, step);
          for (const side of ['A', 'B'] as const) {
            expect(boxes[side] === states[side] || (states[side] === 'CLOSED' && boxes[side] === 'CLOSED_END')).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
