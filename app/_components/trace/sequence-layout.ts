import { flagsText } from '@/lib/engine/segments';
import { otherSide, type ResolvedEvent, type Segment, type Side } from '@/lib/engine/types';

// Where a sequence diagram's parts go: pure geometry, so it is tested without a browser
// (tests/quiz-ui/sequence-layout.test.ts) and measured again in Chromium (tests/e2e/phone.test.ts).
// The diagram is drawn at the width it is given, one unit to one CSS pixel: a phone gets a
// narrower drawing with 11 px text, never a wide one shrunk until its text is unreadable.

export const SEQUENCE_TOP = 64;
export const SEQUENCE_ROW = 52;
/**
 * The narrowest drawing: a card's box inside a 390 px phone's page (324 px, a class attempt's or a
 * mistake's card; 332 px was a bare widget's, and the wider drawing scrolled in the card with B's
 * states cut off). Between the lifelines it still holds "seq=4294967295" on a line; a narrower
 * box scrolls the drawing sideways rather than shrink it.
 */
export const SEQUENCE_MIN_WIDTH = 312;
export const SEQUENCE_MAX_WIDTH = 520;
/** What the server renders, before the browser measures the room. */
export const SEQUENCE_DEFAULT_WIDTH = 424;
const PAD_X = 5;
const PAD_Y = 3;
/** A label keeps this far from each lifeline, so it never covers a state dot or spills past it. */
const INSET = 4;
/** The longest state name, SYN_RECEIVED, in its pill beside a lifeline. */
const LONGEST_STATE = 12;

export interface SequenceGeometry {
  width: number;
  /** Where the lifelines stand. */
  x: Record<Side, number>;
  /** The text size (px) of labels and states; at least 11. */
  font: number;
  /** The monospace advance at that size (0.61 em, a little over DejaVu Sans Mono's 0.602). */
  char: number;
  /** A label's line height. */
  line: number;
  /** The widest a segment label may be: the room between the lifelines. */
  maxLabel: number;
  /** The height of one event's row: taller when crossing labels need the room. */
  row: number;
}

/** The drawing for `available` px of room (clamped to SEQUENCE_MIN_WIDTH..SEQUENCE_MAX_WIDTH). Pure. */
export function sequenceGeometry(available: number): SequenceGeometry {
  const width = Math.round(Math.min(SEQUENCE_MAX_WIDTH, Math.max(SEQUENCE_MIN_WIDTH, available)));
  const font = width < 420 ? 11 : 12;
  const char = font * 0.61;
  const stateRoom = LONGEST_STATE * char + 10 + 8;
  const gap = Math.min(240, width - 2 * stateRoom);
  const a = (width - gap) / 2;
  return { width, x: { A: a, B: a + gap }, font, char, line: font + 3, maxLabel: gap - 2 * INSET, row: SEQUENCE_ROW };
}

export const rowY = (row: number, g: SequenceGeometry) => SEQUENCE_TOP + row * g.row;

/** The drawing's height for `rows` rows (events, plus one for a question's arrow). */
export const sequenceDiagramHeight = (rows: number, g: SequenceGeometry) => rowY(rows, g) + 28;

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

/** CJK and full-width characters take a whole em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
export const textWidth = (text: string, g: SequenceGeometry) => [...text].reduce((sum, ch) => sum + (WIDE.test(ch) ? g.font : g.char), 0);
const widthOf = (lines: readonly string[], g: SequenceGeometry) => Math.max(...lines.map((l) => textWidth(l, g))) + 2 * PAD_X;

/**
 * A segment's label lines: flags and length, then seq and ack on one line when they fit between
 * the lifelines, else each on a line of its own (10-digit numbers near 2^32 do not fit side by
 * side on a phone); flags and length split too when they are long.
 */
export function segmentLabelLines(segment: Segment, g: SequenceGeometry, heading: string[] = []): string[] {
  const flags = flagsText(segment.flags) || '—';
  const fits = (lines: string[]) => widthOf(lines, g) <= g.maxLabel;
  const top = fits([`${flags}  len=${segment.len}`]) ? [`${flags}  len=${segment.len}`] : [...wrapFlags(flags, fits), `len=${segment.len}`];
  const numbers = `seq=${segment.seq} ack=${segment.ack}`;
  return [...heading, ...top, ...(fits([numbers]) ? [numbers] : [`seq=${segment.seq}`, `ack=${segment.ack}`])];
}

/** "SYN, FIN, PSH, ACK" (a capture may hold anything) on as many lines as it needs. */
function wrapFlags(flags: string, fits: (lines: string[]) => boolean): string[] {
  const lines: string[] = [];
  for (const flag of flags.split(', ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && fits([`${last}, ${flag}`])) lines[lines.length - 1] = `${last}, ${flag}`;
    else lines.push(flag);
  }
  return lines;
}

export function labelSize(lines: readonly string[], g: SequenceGeometry): { width: number; height: number } {
  return { width: Math.min(g.maxLabel, widthOf(lines, g)), height: lines.length * g.line + 2 * PAD_Y };
}

/** Where the first line's baseline sits below the top of its pill. */
export const firstBaseline = (g: SequenceGeometry) => PAD_Y + g.font;

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A box of this size centred on `at`, moved sideways to stay between the lifelines. */
function boxAt(at: Point, size: { width: number; height: number }, g: SequenceGeometry): Box {
  const left = g.x.A + INSET;
  const right = g.x.B - INSET - size.width;
  return { x: Math.min(right, Math.max(left, at.x - size.width / 2)), y: at.y - size.height / 2, ...size };
}

/**
 * Along its arrow, a label tries the middle first, then points nearer either end, about 8 px of
 * height apart (a one-row arrow has a few places). An arrow that spans several rows (a segment
 * in flight while others are sent, as in lost_data and out_of_order) is crossed by its
 * neighbours' arrows near its middle, where their labels would pile up out of order; its label
 * tries just below its start first, then on towards its end, so each label sits by the row that
 * sent it and the labels read in the order of sending.
 */
function alongPoints(height: number, labelHeight: number, row: number): number[] {
  const step = Math.min(0.1, 8 / Math.max(1, height));
  if (height > 1.5 * row) {
    const points: number[] = [];
    for (let t = Math.min(0.5, (labelHeight / 2 + 4) / height); t <= 0.88; t += step) points.push(t);
    return points;
  }
  const points = [0.5];
  for (let d = step; 0.5 + d <= 0.88; d += step) points.push(0.5 - d, 0.5 + d);
  return points;
}

export interface LabelRequest {
  lines: string[];
  from: Point;
  to: Point;
}

const span = (r: LabelRequest) => Math.abs(r.to.y - r.from.y);

/**
 * Places each label on its arrow where it overlaps no label placed before it (and none of
 * `taken`, such as a lost segment's mark): the middle if free, else the free point nearest the
 * middle, else the point of least overlap. Pure; returns the labels in the requests' order.
 */
export function placeLabels(requests: readonly LabelRequest[], g: SequenceGeometry, taken: readonly Box[] = []): PlacedLabel[] {
  const placed: Box[] = [...taken];
  const out: PlacedLabel[] = new Array(requests.length);
  // The shortest arrows first: they have the fewest places, a long arrow can move along. Arrows
  // across several rows come last, in the order they were sent, so that each takes the first
  // free place below its start after the one sent before it and their labels keep that order.
  const long = (i: number) => span(requests[i] as LabelRequest) > 1.5 * g.row;
  const order = requests
    .map((_, i) => i)
    .sort((a, b) => Number(long(a)) - Number(long(b)) || (long(a) ? a - b : span(requests[a] as LabelRequest) - span(requests[b] as LabelRequest) || a - b));
  // Per sender (its lifeline's x), the top of the last long arrow's label: the next one goes below it.
  const below = new Map<number, number>();
  for (const index of order) {
    const { lines, from, to } = requests[index] as LabelRequest;
    const size = labelSize(lines, g);
    const floor = long(index) ? (below.get(from.x) ?? -Infinity) : -Infinity;
    let best: { box: Box; overlap: number } | null = null;
    for (const t of alongPoints(Math.abs(to.y - from.y), size.height, g.row)) {
      const box = boxAt({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }, size, g);
      // Above the label sent before it counts as overlapping everything: only a last resort.
      const overlap = box.y <= floor ? Infinity : placed.reduce((sum, other) => sum + overlapArea(box, other), 0);
      if (!best || overlap < best.overlap) best = { box, overlap };
      if (overlap === 0) break;
    }
    const box = (best as { box: Box }).box;
    placed.push(box);
    if (long(index)) below.set(from.x, box.y);
    out[index] = { lines, box };
  }
  return out;
}

/** The box a lost segment's cross and "lost" word take around the point where it stops. */
export function lostMarkBox(at: Point, word: string, g: SequenceGeometry): Box {
  const width = Math.max(24, textWidth(word, g) + 8);
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
export function arrowsOf(events: ResolvedEvent[], g: SequenceGeometry): Arrow[] {
  return events.flatMap((event, i): Arrow[] => {
    if (event.kind !== 'send' && event.kind !== 'segment') return [];
    const sender = event.segment.from;
    const endsAt = event.kind === 'segment' ? i : (event.fateAt ?? events.length - 1);
    return [
      {
        event: i,
        segment: event.segment,
        from: { x: g.x[sender], y: rowY(i, g) },
        to: { x: g.x[otherSide(sender)], y: rowY(endsAt + 1, g) },
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
export function extraEnds(arrow: ExtraArrow, row: number, g: SequenceGeometry): { from: Point; to: Point } {
  return { from: { x: g.x[arrow.from], y: rowY(row, g) }, to: { x: g.x[otherSide(arrow.from)], y: rowY(row + 1, g) } };
}

function labelsFor(arrows: readonly Arrow[], extra: ExtraArrow | null, rows: number, lostWord: string, g: SequenceGeometry): PlacedLabel[] {
  const taken = arrows.filter((a) => a.fate === 'dropped').map((a) => lostMarkBox(stopOf(a), lostWord, g));
  const requests: LabelRequest[] = arrows.map((a) => ({ lines: segmentLabelLines(a.segment, g), from: a.from, to: stopOf(a) }));
  if (extra) {
    const lines = extra.segment ? segmentLabelLines(extra.segment, g, [extra.label]) : [extra.label, '?'];
    requests.push({ lines, ...extraEnds(extra, rows, g) });
  }
  return placeLabels(requests, g, taken);
}

const clashes = (labels: readonly PlacedLabel[]) =>
  labels.some((a, i) => labels.slice(i + 1).some((b) => overlapArea(a.box, b.box) > 0));

/** Row heights tried in turn: the usual one, then more room for crowded crossings. */
const ROWS = [SEQUENCE_ROW, 62, 74, 90, 110];

export interface SequenceLayout {
  g: SequenceGeometry;
  arrows: Arrow[];
  /** Every arrow's label (in order), then the question arrow's (drawn below the last row). */
  labels: PlacedLabel[];
}

/**
 * The diagram of `events` for a width: arrows and labels clear of each other and of lost
 * segments' marks. Rows grow only when crossing labels would overlap at the usual height (dense
 * expert traces with 10-digit numbers), so most diagrams have the same height at every width. Pure.
 */
export function layoutSequence(events: ResolvedEvent[], extra: ExtraArrow | null, lostWord: string, base: SequenceGeometry): SequenceLayout {
  let layout: SequenceLayout | null = null;
  for (const row of ROWS) {
    const g = { ...base, row };
    const arrows = arrowsOf(events, g);
    layout = { g, arrows, labels: labelsFor(arrows, extra, events.length, lostWord, g) };
    if (!clashes(layout.labels)) break;
  }
  return layout as SequenceLayout;
}
