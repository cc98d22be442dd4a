import type { ResolvedEvent, Segment, Side } from '@/lib/engine/types';
import { flagsLabel, other } from './trace-format';

// Where a sequence diagram's segment labels go: pure geometry, so it is tested without a browser
// (tests/quiz-ui/sequence-layout.test.ts) and measured again in Chromium (tests/e2e/phone.test.ts).

export const SEQUENCE_WIDTH = 424;
/** The lifelines: room outside each for the widest state label (SYN_RECEIVED), 200 between. */
export const LIFELINE_X: Record<Side, number> = { A: 112, B: SEQUENCE_WIDTH - 112 };
export const SEQUENCE_TOP = 64;
export const SEQUENCE_ROW = 52;
/** Advance of the 12px monospace font; labels are sized from it (the e2e test checks the real boxes). */
export const MONO_CHAR = 7.3;
export const LABEL_LINE = 14;
const PAD_X = 5;
const PAD_Y = 3;
/** A label keeps this far from each lifeline, so it never covers a state dot or spills past it. */
const INSET = 6;
/**
 * Along its arrow, a label tries the middle first, then points nearer either end, about 8 px of
 * height apart (a long arrow has many places, a one-row arrow a few).
 */
function alongPoints(height: number): number[] {
  const step = Math.min(0.1, 8 / Math.max(1, height));
  const points = [0.5];
  for (let d = step; 0.5 + d <= 0.88; d += step) points.push(0.5 - d, 0.5 + d);
  return points;
}

export const rowY = (row: number) => SEQUENCE_TOP + row * SEQUENCE_ROW;

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A segment label: its lines of text (first line bold) and the pill behind them. */
export interface PlacedLabel {
  lines: string[];
  box: Box;
}

/** The widest a label may be: the room between the lifelines. */
export const MAX_LABEL_WIDTH = LIFELINE_X.B - LIFELINE_X.A - 2 * INSET;

/** CJK and full-width characters take a whole em, about 1.65 monospace advances. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
export const textWidth = (text: string) => [...text].reduce((sum, ch) => sum + (WIDE.test(ch) ? 12 : MONO_CHAR), 0);
const widthOf = (lines: readonly string[]) => Math.max(...lines.map(textWidth)) + 2 * PAD_X;

/**
 * A segment's label lines: flags and length, then seq and ack on one line when they fit between
 * the lifelines, else on a line each (10-digit numbers near 2^32 do not fit side by side).
 */
export function segmentLabelLines(segment: Segment, heading: string[] = []): string[] {
  const numbers = `seq=${segment.seq} ack=${segment.ack}`;
  const top = `${flagsLabel(segment.flags) || '—'}  len=${segment.len}`;
  const lines = [...heading, top, numbers];
  if (widthOf(lines) <= MAX_LABEL_WIDTH) return lines;
  return [...heading, top, `seq=${segment.seq}`, `ack=${segment.ack}`];
}

export function labelSize(lines: readonly string[]): { width: number; height: number } {
  return { width: Math.min(MAX_LABEL_WIDTH, widthOf(lines)), height: lines.length * LABEL_LINE + 2 * PAD_Y };
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A box of this size centred on `at`, moved sideways to stay between the lifelines. */
function boxAt(at: Point, size: { width: number; height: number }): Box {
  const left = LIFELINE_X.A + INSET;
  const right = LIFELINE_X.B - INSET - size.width;
  return { x: Math.min(right, Math.max(left, at.x - size.width / 2)), y: at.y - size.height / 2, ...size };
}

export interface LabelRequest {
  lines: string[];
  from: Point;
  to: Point;
}

/**
 * Places each label on its arrow where it overlaps no label placed before it (and none of
 * `taken`, such as a lost segment's mark): the middle if free, else the free point nearest the
 * middle, else the point of least overlap. Pure; returns the labels in the requests' order.
 */
export function placeLabels(requests: readonly LabelRequest[], taken: readonly Box[] = []): PlacedLabel[] {
  const placed: Box[] = [...taken];
  const out: PlacedLabel[] = new Array(requests.length);
  // The shortest arrows first: they have the fewest places, a long arrow can move along.
  const order = requests.map((_, i) => i).sort((a, b) => span(requests[a] as LabelRequest) - span(requests[b] as LabelRequest) || a - b);
  for (const index of order) {
    const { lines, from, to } = requests[index] as LabelRequest;
    const size = labelSize(lines);
    let best: { box: Box; overlap: number } | null = null;
    for (const t of alongPoints(Math.abs(to.y - from.y))) {
      const box = boxAt({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }, size);
      const overlap = placed.reduce((sum, other) => sum + overlapArea(box, other), 0);
      if (!best || overlap < best.overlap) best = { box, overlap };
      if (overlap === 0) break;
    }
    const box = (best as { box: Box }).box;
    placed.push(box);
    out[index] = { lines, box };
  }
  return out;
}

const span = (r: LabelRequest) => Math.abs(r.to.y - r.from.y);

/** The box a lost segment's cross and "lost" word take around the point where it stops. */
export function lostMarkBox(at: Point, word: string): Box {
  const width = Math.max(24, textWidth(word) + 8);
  return { x: at.x - width / 2, y: at.y - 9, width, height: 36 };
}

export interface Arrow {
  event: number;
  segment: Segment;
  from: Point;
  to: Point;
  /** The event index at which it arrives or is lost (its own index for a shorthand segment). */
  endsAt: number;
  fate: 'delivered' | 'dropped' | 'in_flight';
}

/** A send at event i delivered at event j runs from row i (sender) to row j + 1 (receiver). */
export function arrowsOf(events: ResolvedEvent[]): Arrow[] {
  return events.flatMap((event, i): Arrow[] => {
    if (event.kind !== 'send' && event.kind !== 'segment') return [];
    const sender = event.segment.from;
    const endsAt = event.kind === 'segment' ? i : (event.fateAt ?? events.length - 1);
    return [
      {
        event: i,
        segment: event.segment,
        from: { x: LIFELINE_X[sender], y: rowY(i) },
        to: { x: LIFELINE_X[other(sender)], y: rowY(endsAt + 1) },
        endsAt,
        fate: event.kind === 'segment' ? 'delivered' : event.fate,
      },
    ];
  });
}

/** An arrow that is not part of the trace: the segment a question asks for, or a learner's wrong answer. */
export interface ExtraArrow {
  from: Side;
  /** Null draws a "?" arrow: who sends next, not what. */
  segment: Segment | null;
  label: string;
  tone: 'pending' | 'wrong';
}

/** Where an arrow's line stops: lost and never-delivered segments stop half way. */
export function stopOf(arrow: Arrow): Point {
  const { from, to } = arrow;
  const part = arrow.fate === 'delivered' ? 1 : 0.5;
  return { x: from.x + (to.x - from.x) * part, y: from.y + (to.y - from.y) * part };
}

/** A question's arrow runs from its sender in row `row` to the other side one row lower. */
export function extraEnds(arrow: ExtraArrow, row: number): { from: Point; to: Point } {
  return { from: { x: LIFELINE_X[arrow.from], y: rowY(row) }, to: { x: LIFELINE_X[other(arrow.from)], y: rowY(row + 1) } };
}

/**
 * The label of every arrow (in order), then the question arrow's (drawn below row `rows`):
 * clear of each other and of lost segments' marks. Pure.
 */
export function layoutLabels(arrows: readonly Arrow[], extra: ExtraArrow | null, rows: number, lostWord: string): PlacedLabel[] {
  const taken = arrows.filter((a) => a.fate === 'dropped').map((a) => lostMarkBox(stopOf(a), lostWord));
  const requests: LabelRequest[] = arrows.map((a) => ({ lines: segmentLabelLines(a.segment), from: a.from, to: stopOf(a) }));
  if (extra) {
    const lines = extra.segment ? segmentLabelLines(extra.segment, [extra.label]) : [extra.label, '?'];
    requests.push({ lines, ...extraEnds(extra, rows) });
  }
  return placeLabels(requests, taken);
}
