// Segment ids after their segment arrived or was lost: replay still tells a reused id and a
// second delivery from an unknown id, whatever the ids look like and in whatever order they
// settle, and a long connection's history stays a few runs instead of one entry per segment
// (which made the CLI's memory grow with the number of events).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrace, replayRecords, snapshotAfter, type TraceEvent } from '@/lib/engine';
import { longConnection } from '../bench/engine';

const ENDPOINTS = { A: { role: 'client' }, B: { role: 'server' } } as const;
const send = (id: string): TraceEvent => ({ send: { from: 'A', flags: ['SYN'], seq: 1, ack: 0, len: 0 }, id });

/** Number ids near each other (they form runs), and ids that only look like numbers. */
const id = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 6 }).map(String), weight: 4 }, { arbitrary: fc.constantFrom('07', '1.0', '-1', 'a', '__proto__', '9007199254740993'), weight: 1 });
const action = fc.record({ kind: fc.constantFrom('send', 'deliver', 'drop'), id });

describe('settled segment ids', () => {
  it('a send, deliver or drop errs exactly as a map of every id ever sent says', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const events = actions.map((a): TraceEvent => (a.kind === 'send' ? send(a.id) : a.kind === 'deliver' ? { deliver: a.id } : { drop: a.id }));
        const records = replayRecords(parseTrace({ endpoints: ENDPOINTS, events }));
        const model = new Map<string, 'in_flight' | 'delivered' | 'dropped'>();
        actions.forEach((a, i) => {
          const finding = records[i]?.finding ?? null;
          const fate = model.get(a.id);
          if (a.kind === 'send') {
            expect(finding?.code === 'DUPLICATE_SEGMENT_ID').toBe(fate !== undefined);
            if (fate === undefined) model.set(a.id, 'in_flight');
            return;
          }
          if (fate === undefined) expect(finding).toMatchObject({ code: 'UNKNOWN_SEGMENT_ID' });
          else if (fate !== 'in_flight') expect(finding).toMatchObject({ code: 'SEGMENT_NOT_IN_FLIGHT', params: { id: a.id, status: fate } });
          else {
            expect(finding).toBeNull();
            model.set(a.id, a.kind === 'deliver' ? 'delivered' : 'dropped');
          }
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('a long connection ends with its ids as one run and nothing left in the network', () => {
    const snapshot = snapshotAfter(parseTrace(longConnection(20_000)));
    expect(snapshot.settled).toEqual([[1, expect.any(Number), 'delivered']]);
    expect(Object.keys(snapshot.network)).toEqual([]);
  });
});
