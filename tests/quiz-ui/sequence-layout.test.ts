// The sequence diagram's label placement: on every generated scenario and on crossings built to
// collide, no two labels overlap and every label stays between the lifelines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateScenario, parseTrace, SCENARIO_FAMILIES, traceViewOf } from '@/lib/engine';
import type { Flag, Segment, Trace } from '@/lib/engine/types';
import {
  layoutSequence,
  overlapArea,
  segmentLabelLines,
  sequenceGeometry,
  stopOf as stopOfArrow,
  textWidth,
  type Box,
  type PlacedLabel,
  type SequenceGeometry,
} from '@/app/_components/trace/sequence-layout';

/** A phone's room (390 px screen, 332 px box; narrower boxes scroll the same drawing), a tablet's, a desktop's. */
const PHONE = sequenceGeometry(332);
const DESKTOP = sequenceGeometry(576);
/** A card's box on a phone (a class attempt's, a mistake's): the narrowest drawing. */
const IN_CARD = sequenceGeometry(312);
const WIDTHS = [IN_CARD, PHONE, sequenceGeometry(424), DESKTOP];
/** A lesson widget's boxes: its drawing's room is reserved before hydration, so its rows keep their height. */
const WIDGET_WIDTHS = [PHONE, sequenceGeometry(424), DESKTOP];

function labelsOf(trace: Trace, g: SequenceGeometry, lostWord = 'lost'): PlacedLabel[] {
  return layoutSequence(traceViewOf(trace, 'en').events, null, lostWord, g).labels;
}

function overlaps(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => overlapArea(a, b) > 0 && pairs.push([i, i + 1 + j])));
  return pairs;
}

function expectClear(labels: readonly PlacedLabel[], g: SequenceGeometry) {
  expect(overlaps(labels.map((l) => l.box))).toEqual([]);
  for (const { box, lines } of labels) {
    expect(box.x).toBeGreaterThan(g.x.A);
    expect(box.x + box.width).toBeLessThan(g.x.B);
    for (const line of lines) expect(textWidth(line, g)).toBeLessThanOrEqual(box.width);
  }
}

const syn = (from: 'A' | 'B', seq: number, ack = 0, flags: Flag[] = ['SYN']): Segment => ({ from, flags, seq, ack, len: 0 });

describe('sequence diagram geometry', () => {
  it('draws at the width it is given, with text of at least 11 px, and room for SYN_RECEIVED beside each lifeline', () => {
    for (const g of WIDTHS) {
      expect(g.font).toBeGreaterThanOrEqual(11);
      expect(g.x.A - 'SYN_RECEIVED'.length * g.char - 10).toBeGreaterThanOrEqual(0);
      expect(g.width - g.x.B - 'SYN_RECEIVED'.length * g.char - 10).toBeGreaterThanOrEqual(0);
    }
    expect(PHONE.width).toBe(332);
    expect(sequenceGeometry(300).width).toBe(312);
    // The narrowest still holds a 10-digit number on a line between the lifelines.
    expect(segmentLabelLines(syn('A', 4294967295, 4294967295, ['SYN', 'ACK']), sequenceGeometry(312)).every((l) => textWidth(l, sequenceGeometry(312)) + 10 <= sequenceGeometry(312).maxLabel)).toBe(true);
    expect(DESKTOP.width).toBe(520);
  });
});

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
    for (const g of WIDTHS) {
      const labels = labelsOf(trace, g);
      expect(labels).toHaveLength(4);
      expectClear(labels, g);
    }
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
    const labels = labelsOf(trace, PHONE);
    expect(labels[1]?.lines).toEqual(['SYN, ACK  len=0', 'seq=4294967295', 'ack=4294967291']);
    expectClear(labels, PHONE);
    expectClear(labelsOf(trace, DESKTOP), DESKTOP);
  });

  it('keeps the usual row height for lesson-like traces, at every width (their room is reserved before drawing)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...WIDGET_WIDTHS), (family, seed, g) => {
        const view = traceViewOf(generateScenario(family, { seed, difficulty: 'beginner' }), 'en');
        expect(layoutSequence(view.events, null, 'lost', g).g.row).toBe(g.row);
      }),
      { numRuns: 200 },
    );
  });

  it('puts the label of a segment in flight across several rows by the row that sent it, in the order of sending (lost_data, out_of_order)', () => {
    fc.assert(
      fc.property(fc.constantFrom('lost_data', 'out_of_order'), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...WIDTHS), (family, seed, g0) => {
        const { g, arrows, labels } = layoutSequence(traceViewOf(generateScenario(family, { seed }), 'en').events, null, 'lost', g0);
        expectClear(labels, g);
        const long = arrows.flatMap((arrow, i) => (Math.abs(stopOfArrow(arrow).y - arrow.from.y) > 1.5 * g.row ? [{ arrow, box: (labels[i] as PlacedLabel).box }] : []));
        expect(long.length).toBeGreaterThan(0);
        for (const { arrow, box } of long) {
          const middle = box.y + box.height / 2;
          // Below the row that sent it, within two rows of it (a lost mark in the way may push it
          // that far), not half way down the arrow towards the receiver. In a card on a phone the
          // labels take three lines, and only their order is kept.
          expect(middle - arrow.from.y).toBeGreaterThan(0);
          if (g.width > IN_CARD.width) expect(middle - arrow.from.y).toBeLessThanOrEqual(2 * g.row);
        }
        const sideA = long.filter(({ arrow }) => arrow.segment.from === 'A');
        for (let i = 1; i < sideA.length; i++) expect((sideA[i] as { box: Box }).box.y).toBeGreaterThan((sideA[i - 1] as { box: Box }).box.y);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps small numbers on one line in a widget, and on two in a card on a phone', () => {
    for (const g of WIDGET_WIDTHS) expect(segmentLabelLines(syn('A', 1000, 5001), g)).toEqual(['SYN  len=0', 'seq=1000 ack=5001']);
    expect(segmentLabelLines(syn('A', 1000, 5001), IN_CARD)).toEqual(['SYN  len=0', 'seq=1000', 'ack=5001']);
  });

  it('never makes a label wider than the room between the lifelines', () => {
    for (const g of WIDTHS) {
      const data = { ...syn('A', 4294967295, 4294967295, ['SYN', 'ACK', 'FIN', 'PSH']), len: 1460 };
      for (const lines of [segmentLabelLines(data, g), segmentLabelLines(data, g, ['你的答案']), ['你的答案', '?']]) {
        expect(Math.max(...lines.map((l) => textWidth(l, g))) + 10).toBeLessThanOrEqual(g.maxLabel);
      }
    }
  });

  it('lays out every scenario family clear of overlaps, in both languages’ word for lost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_FAMILIES),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('lost', '丢失'),
        fc.constantFrom(...WIDTHS),
        fc.constantFrom('beginner' as const, 'expert' as const),
        (family, seed, lost, g, difficulty) => {
          expectClear(labelsOf(generateScenario(family, { seed, difficulty }), g, lost), g);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a question arrow’s label clear of the trace’s labels', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_FAMILIES), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...WIDTHS), (family, seed, g) => {
        const view = traceViewOf(generateScenario(family, { seed, difficulty: 'expert' }), 'en');
        const extra = { from: 'B' as const, segment: syn('B', 4294967295, 4294967295, ['FIN', 'ACK']), label: 'Your answer', tone: 'wrong' as const };
        expectClear(layoutSequence(view.events, extra, 'lost', g).labels, g);
      }),
      { numRuns: 100 },
    );
  });
});
