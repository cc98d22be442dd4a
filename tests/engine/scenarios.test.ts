// Property tests over generated scenarios: every family and difficulty replays valid, meets its
// checkpoints and is deterministic; every non-retransmitted segment, changed in seq, ack or one
// flag, is rejected at exactly that event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateScenario,
  parseTrace,
  replayTrace,
  SCENARIO_FAMILIES,
  segmentSpan,
  type Difficulty,
  type Flag,
  type Segment,
  type Side,
  type Trace,
  type TraceEvent,
} from '@/lib/engine';
import { firstError } from './helpers';

const family = fc.constantFrom(...SCENARIO_FAMILIES);
const difficulty = fc.constantFrom<Difficulty>('beginner', 'expert');
const seed = fc.integer({ min: 0, max: 0xffff_ffff });

function segmentOf(e: TraceEvent): Segment | null {
  if ('send' in e) return e.send;
  if ('from' in e) return e;
  return null;
}

/**
 * Segments whose seq is fixed by the rules: not a first SYN (any ISN is legal) and not a
 * retransmission (any seq inside [SND.UNA, SND.NXT) is legal). Found from the trace alone:
 * a segment occupying sequence space that starts below the sender's highest sent number.
 */
function constrainedSegments(trace: Trace): number[] {
  const highest: Partial<Record<Side, number>> = {};
  const out: number[] = [];
  trace.events.forEach((e, i) => {
    const s = segmentOf(e);
    if (!s) return;
    const span = segmentSpan({ syn: s.flags.includes('SYN'), fin: s.flags.includes('FIN') }, s.len);
    const top = highest[s.from];
    const isFirstSyn = s.flags.includes('SYN') && top === undefined;
    const isRetransmission = top !== undefined && span > 0 && s.seq !== top && !s.flags.includes('RST');
    const repeatsSyn = s.flags.includes('SYN') && top !== undefined;
    if (!isFirstSyn && !isRetransmission && !repeatsSyn) out.push(i);
    if (span > 0 && !isRetransmission && !repeatsSyn) highest[s.from] = (s.seq + span) % 0x1_0000_0000;
  });
  return out;
}

function mutate(trace: Trace, index: number, change: (s: Segment) => Segment): Trace {
  const events = trace.events.map((e, i) => {
    if (i !== index) return e;
    if ('send' in e) return { ...e, send: change(e.send) };
    return change(e as Segment);
  });
  return { ...trace, events };
}

const toggle = (flags: Flag[], f: Flag): Flag[] => (flags.includes(f) ? flags.filter((x) => x !== f) : [...flags, f]);

describe('generated scenarios', () => {
  it('every family lists and generates', () => {
    expect(SCENARIO_FAMILIES).toEqual([
      'handshake', 'client_closes_first', 'server_closes_first', 'data_transfer', 'half_close', 'simultaneous_open',
      'simultaneous_close', 'lost_syn', 'lost_synack', 'lost_fin', 'lost_last_ack', 'abort', 'refused', 'time_wait_expiry',
      'lost_data', 'out_of_order', 'old_duplicate_syn',
    ]);
  });

  it('every family and difficulty replays valid, with checkpoints, and survives a JSON round trip', () => {
    fc.assert(
      fc.property(family, difficulty, seed, (f, d, s) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        const checkpoints = trace.events.filter((e) => 'expect' in e).length;
        const result = replayTrace(parseTrace(JSON.parse(JSON.stringify(trace))));
        return result.valid && checkpoints >= 1 && result.steps.length === trace.events.length;
      }),
      { numRuns: 600 },
    );
  });

  it('the same seed gives the same trace; seeds differ', () => {
    fc.assert(fc.property(family, difficulty, seed, (f, d, s) => {
      expect(generateScenario(f, { seed: s, difficulty: d })).toEqual(generateScenario(f, { seed: s, difficulty: d }));
    }));
    const isns = new Set(Array.from({ length: 20 }, (_, s) => JSON.stringify(generateScenario('handshake', { seed: s, difficulty: 'expert' }).events[2])));
    expect(isns.size).toBeGreaterThan(15);
  });

  it('beginner ISNs are small round numbers; expert ISNs include ones that wrap past 2^32', () => {
    for (let s = 0; s < 50; s++) {
      const syn = segmentOf(generateScenario('handshake', { seed: s, difficulty: 'beginner' }).events[2] as TraceEvent);
      expect(syn && syn.seq % 1000 === 0 && syn.seq <= 9000).toBe(true);
    }
    const wraps = Array.from({ length: 50 }, (_, s) => generateScenario('client_closes_first', { seed: s, difficulty: 'expert' }))
      .filter((t) => t.events.some((e, i) => {
        const a = segmentOf(e);
        const later = t.events.slice(i + 1).map(segmentOf).find((b) => b && a && b.from === a.from);
        return a && later && later.seq < a.seq;
      }));
    expect(wraps.length).toBeGreaterThan(5);
  });

  it('changing the seq of a constrained segment is rejected at exactly that event', () => {
    fc.assert(
      fc.property(family, difficulty, seed, fc.nat(), fc.constantFrom(1, 0x8000_0000, 0xffff_ffff - 1), (f, d, s, pick, delta) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        const candidates = constrainedSegments(trace);
        fc.pre(candidates.length > 0); // a simultaneous open has only SYNs, whose seq is free
        const index = candidates[pick % candidates.length] as number;
        // seq + 1 and seq + 2^31 can never be SND.NXT; seq - 2 would be a legal retransmission for some.
        const bad = mutate(trace, index, (seg) => ({ ...seg, seq: (seg.seq + (delta === 0xffff_ffff - 1 ? 1 : delta)) % 0x1_0000_0000 }));
        return firstError(replayTrace(bad)) === index;
      }),
      { numRuns: 400 },
    );
  });

  it('changing the ack of any segment is rejected at exactly that event', () => {
    fc.assert(
      fc.property(family, difficulty, seed, fc.nat(), fc.integer({ min: 1, max: 0xffff_fffe }), (f, d, s, pick, delta) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        const candidates = trace.events.flatMap((e, i) => (segmentOf(e) ? [i] : []));
        const index = candidates[pick % candidates.length] as number;
        const bad = mutate(trace, index, (seg) => ({ ...seg, ack: (seg.ack + delta) % 0x1_0000_0000 }));
        return firstError(replayTrace(bad)) === index;
      }),
      { numRuns: 400 },
    );
  });

  it('toggling SYN, or ACK on a non-RST segment, is rejected at exactly that event', () => {
    // FIN and RST toggles are not always wrong: adding FIN to a pure ACK is a legal close, and
    // a RST,ACK at SND.NXT is a legal abort; those are covered by the per-state tests instead.
    fc.assert(
      fc.property(family, difficulty, seed, fc.nat(), fc.constantFrom<Flag>('SYN', 'ACK'), (f, d, s, pick, flag) => {
        const trace = generateScenario(f, { seed: s, difficulty: d });
        const candidates = trace.events.flatMap((e, i) => {
          const seg = segmentOf(e);
          return seg && !(flag === 'ACK' && seg.flags.includes('RST')) ? [i] : [];
        });
        const index = candidates[pick % candidates.length] as number;
        const bad = mutate(trace, index, (seg) => ({ ...seg, flags: toggle(seg.flags, flag) }));
        return firstError(replayTrace(bad)) === index;
      }),
      { numRuns: 400 },
    );
  });

  it('adding a FIN after the sender has sent its own FIN is rejected at exactly that event', () => {
    for (const f of ['client_closes_first', 'simultaneous_close', 'lost_last_ack'] as const) {
      const trace = generateScenario(f, { seed: 7, difficulty: 'expert' });
      const finSent = new Set<Side>();
      trace.events.forEach((e, i) => {
        const seg = segmentOf(e);
        if (!seg) return;
        if (finSent.has(seg.from) && !seg.flags.includes('FIN')) {
          expect(firstError(replayTrace(mutate(trace, i, (x) => ({ ...x, flags: [...x.flags, 'FIN'] }))))).toBe(i);
        }
        if (seg.flags.includes('FIN')) finSent.add(seg.from);
      });
    }
  });
});
