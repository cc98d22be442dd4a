// The streaming trace reader against JSON.parse: whatever the text and wherever the chunks are
// cut, it gives the same members and events, and refuses exactly the texts JSON.parse refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotJsonError, TraceReader, type TracePiece } from '@/lib/cli/trace-reader';

/** What the reader made of a text: the object it describes, or 'not JSON'. */
function read(text: string, cuts: number[] = []): unknown {
  const reader = new TraceReader();
  const pieces: TracePiece[] = [];
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  try {
    for (const cut of [...at, text.length]) {
      pieces.push(...reader.push(text.slice(from, cut)));
      from = cut;
    }
    pieces.push(...reader.end());
  } catch (e) {
    if (e instanceof NotJsonError) return 'not JSON';
    throw e;
  }
  const object: Record<string, unknown> = {};
  let events: unknown[] | null = null;
  for (const piece of pieces) {
    if (piece.kind === 'not-object') return { notObject: piece.value };
    if (piece.kind === 'member') object[piece.key] = piece.value;
    if (piece.kind === 'events-start') events = [];
    if (piece.kind === 'events') {
      expect(piece.first).toBe(events?.length);
      events?.push(...piece.values);
    }
    if (piece.kind === 'events-end') {
      expect(piece.count).toBe(events?.length);
      object.events = events;
    }
  }
  return object;
}

/** What JSON.parse makes of it, in the same terms. */
function parsed(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { notObject: value };
  return value;
}

/** Strings made to trip a reader that cuts by looking: quotes, escapes, brackets, commas, CJK. */
const tricky = fc.string({ unit: fc.constantFrom('}', ',', '{', '"', '\\', ' ', '\n', 'a', '中', ']', '[', ':', '\u2028'), maxLength: 12 });
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), tricky, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
})).value;
const event = fc.oneof(
  value,
  fc.record({ send: fc.record({ from: fc.constantFrom('A', 'B'), flags: fc.constant(['SYN']), seq: fc.nat() }), id: tricky }),
  fc.record({ deliver: tricky }),
  fc.dictionary(tricky, value, { maxKeys: 3 }),
);
const indent = fc.constantFrom(undefined, 0, 1, 2, '\t');

const doc = fc
  .record({
    before: fc.dictionary(tricky, value, { maxKeys: 3 }),
    events: fc.array(event, { maxLength: 30 }),
    after: fc.dictionary(tricky, value, { maxKeys: 3 }),
    indent,
    bom: fc.boolean(),
  })
  .map(({ before, events, after, indent, bom }) => {
    const object = { ...before, endpoints: { A: { role: 'client' } }, events, ...after };
    return `${bom ? '\uFEFF' : ''}${JSON.stringify(object, null, indent)}`;
  });

const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('TraceReader', () => {
  it('reads what JSON.parse reads, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(doc, cuts, (text, at) => {
        expect(read(text, at)).toEqual(parsed(text));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses exactly what JSON.parse refuses (one character changed, taken away or cut off)', () => {
    const damage = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'), c: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', ' ', '-', 'e', 'n') });
    fc.assert(
      fc.property(doc, damage, cuts, (text, d, at) => {
        const i = d.at % (text.length + 1);
        const broken =
          d.kind === 'delete' ? text.slice(0, i) + text.slice(i + 1) : d.kind === 'insert' ? text.slice(0, i) + d.c + text.slice(i) : d.kind === 'replace' ? text.slice(0, i) + d.c + text.slice(i + 1) : text.slice(0, i);
        expect(read(broken, at)).toEqual(parsed(broken));
      }),
      { numRuns: 1500 },
    );
  });

  it('long event lists, cut where a gap between events appears inside a string or a nested value', () => {
    // Well past the reader's batch size, so both its fast cut and its exact scan are taken.
    const traps = ['},{', '}, {', '},{"a":"', '"},{"', '\\"},{'];
    fc.assert(
      fc.property(fc.integer({ min: 1500, max: 4000 }), fc.array(fc.nat(), { maxLength: 4 }), indent, cuts, (n, trapAt, ind, at) => {
        const events: unknown[] = Array.from({ length: n }, (_, k) => ({ from: 'A', flags: ['ACK'], seq: k, ack: 0, len: 1 }));
        for (const t of trapAt) events[t % n] = { send: { from: 'B', nested: [{ x: traps[t % traps.length] }, { y: 1 }] }, id: traps[(t + 1) % traps.length] };
        const text = JSON.stringify({ events, endpoints: {} }, null, ind);
        expect(read(text, at)).toEqual(parsed(text));
      }),
      { numRuns: 25 },
    );
  });

  it('a document that is not an object is handed over whole, to be refused as a trace', () => {
    expect(read('[1, 2]')).toEqual({ notObject: [1, 2] });
    expect(read(' 5 ')).toEqual({ notObject: 5 });
    expect(read('')).toBe('not JSON');
    expect(read('{"events": [1,]}')).toBe('not JSON');
  });

  it('says where the text stops being JSON as JSON.parse of the whole document does', () => {
    const text = `{"events": [${'{"deliver":"1"},'.repeat(10_000)}{"deliver": 1 2}]}`;
    const whole = (() => {
      try {
        return JSON.parse(text);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(whole).toMatch(/at position \d+/);
    const reader = new TraceReader();
    expect(() => {
      reader.push(text);
      reader.end();
    }).toThrow(whole);
  });
});
