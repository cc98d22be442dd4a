// The sequence diagram's label placement: on every generated scenario and on crossings built to
// collide, no two labels overlap and every label stays between the lifelines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateScenario, parseTrace, SCENARIO_FAMILIES, traceViewOf } from '@/lib/engine';
import type { Flag, Segment, Trace } from '@/lib/engine/types';
import {
  arrowsOf,
  LIFELINE_X,
  layoutLabels,
  MAX_LABEL_WIDTH,
  overlapArea,
  segmentLabelLines,
  textWidth,
  type Box,
  type PlacedLabel,
} from '@/app/_components/trace/sequence-layout';

function labelsOf(trace: Trace, lostWord = 'lost'): PlacedLabel[] {
  const view = traceViewOf(trace, 'en');
  return layoutLabels(arrowsOf(view.events), null, view.events.length, lostWord);
}

function overlaps(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => overlapArea(a, b) > 0 && pairs.push([i, i + 1 + j])));
  return pairs;
}

function expectClear(labels: readonly PlacedLabel[]) {
  expect(overlaps(labels.map((l) => l.box))).toEqual([]);
  for (const { box, lines } of labels) {
    expect(box.x).toBeGreaterThan(LIFELINE_X.A);
    expect(box.x + box.width).toBeLessThan(LIFELINE_X.B);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(box.width);
  }
}

const syn = (from: 'A' | 'B', seq: number, ack = 0, flags: Flag[] = ['SYN']): Segment => ({ from, flags, seq, ack, len: 0 });

describe('sequence diagram labels', () => {
  it('keeps crossing SYN,ACKs apart when they arrive in the opposite order (same midpoint)', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'peer' }, B: { role: 'peer' } },
      events: [
        { send: syn('A', 1000), id: 'a' },
        { send: syn('B', 5000), id: 'b' },
        { deliver: 'b' },
        { deliver: 'a' },
        { send: syn('A', 1000, 5001, ['SYN', 'ACK']), id: 'sa' },
        { send: syn('B', 5000, 1001, ['SYN', 'ACK']), id: 'sb' },
        { deliver: 'sb' },
        { deliver: 'sa' },
      ],
    });
    const labels = labelsOf(trace);
    expect(labels).toHaveLength(4);
    expectClear(labels);
  });

  it('puts 10-digit seq and ack on lines of their own, inside the lifelines', () => {
    const trace = parseTrace({
      endpoints: { A: { role: 'client' }, B: { role: 'server' } },
      events: [
        syn('A', 4294967290),
        syn('B', 4294967295, 4294967291, ['SYN', 'ACK']),
        { from: 'A', flags: ['ACK'], seq: 4294967291, ack: 0, len: 0 },
      ],
    });
    const labels = labelsOf(trace);
    expect(labels[1]?.lines).toEqual(['SYN, ACK  len=0', 'seq=4294967295', 'ack=4294967291']);
    expectClear(labels);
  });

  it('keeps small numbers on one line', () => {
    expect(segmentLabelLines(syn('A', 1000))).toEqual(['SYN  len=0', 'seq=1000 ack=0']);
  });

  it('never makes a label wider than the room between the lifelines', () => {
    for (const lines of [segmentLabelLines(syn('A', 4294967295, 4294967295, ['SYN', 'ACK', 'FIN', 'PSH'])), ['你的答案', '?']]) {
      expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(MAX_LABEL_WIDTH);
    }
  });

  it('lays out every scenario family clear of overlaps, in both languages’ word for lost', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('lost', '丢失'), (family, seed, lost) => {
        expectClear(labelsOf(generateScenario(family, { seed }), lost));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a question arrow’s label clear of the trace’s labels', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (family, seed) => {
        const view = traceViewOf(generateScenario(family, { seed }), 'en');
        const extra = { from: 'B' as const, segment: syn('B', 4294967295, 4294967295, ['FIN', 'ACK']), label: 'Your answer', tone: 'wrong' as const };
        expectClear(layoutLabels(arrowsOf(view.events), extra, view.events.length, 'lost'));
      }),
      { numRuns: 100 },
    );
  });
});
