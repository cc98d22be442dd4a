// `trace replay` read as a stream prints, byte for byte, what replaying the whole parsed
// document prints, whatever the key order, layout or chunking of its text; and refuses a bad
// trace with the error parseTrace gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '@/lib/cli/json-out';
import { replayStream, type ReplaySource } from '@/lib/cli/replay';
import type { SpillFile } from '@/lib/cli/spool';
import { generateScenario, parseTrace, replayTrace, SCENARIO_FAMILIES, startReplay, type Lang, type Trace } from '@/lib/engine';
import { longConnection } from '../bench/engine';

/** The replay output of the whole document, as the CLI printed it before it streamed. */
async function wholeReplay(text: string, lang: Lang): Promise<string> {
  let out = '';
  await writeJson(replayTrace(parseTrace(JSON.parse(text)), { lang }), (t) => {
    out += t;
  });
  return out;
}

/** The text as UTF-8 bytes in chunks cut at the given places (a character may be cut in two). */
function chunked(text: string, cuts: number[]): ReplaySource {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return async function* () {
    let from = 0;
    for (const cut of [...at, bytes.length]) {
      yield bytes.slice(from, cut);
      from = cut;
    }
  };
}

async function streamed(source: ReplaySource, lang: Lang = 'en', spill?: () => SpillFile, inMemory?: number): Promise<{ out: string } | { error: string }> {
  let out = '';
  try {
    await replayStream(source, { lang, spill, inMemory, write: (t) => void (out += t) });
    return { out };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Events first, then endpoints, then the rest: a key order that needs a second pass. */
function eventsFirst(trace: Trace): string {
  const { events, endpoints, ...rest } = trace;
  return JSON.stringify({ events, ...rest, endpoints });
}

/** A trace with one wrong field planted at each of the given events. */
function planted(trace: Trace, at: number[]): Trace {
  const events = trace.events.map((e) => ({ ...e }));
  for (const k of at) {
    const e = events[k % events.length] as Record<string, unknown>;
    if ('seq' in e) e.seq = ((e.seq as number) + 1) >>> 0;
    else if ('deliver' in e) e.deliver = 'nowhere';
  }
  return { ...trace, events: events as Trace['events'] };
}

const scenario = fc.record({
  family: fc.constantFrom(...SCENARIO_FAMILIES),
  seed: fc.nat(),
  difficulty: fc.constantFrom('beginner' as const, 'expert' as const),
  mistakes: fc.array(fc.nat(), { maxLength: 3 }),
  layout: fc.constantFrom('compact', 'indented', 'events-first'),
  lang: fc.constantFrom<Lang>('en', 'zh'),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

describe('streamed replay', () => {
  it('prints what the whole-document replay prints, for every scenario family, layout and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ family, seed, difficulty, mistakes, layout, lang, cuts }) => {
        const trace = planted(generateScenario(family, { seed, difficulty }), mistakes);
        const text = layout === 'compact' ? JSON.stringify(trace) : layout === 'indented' ? JSON.stringify(trace, null, 2) : eventsFirst(trace);
        expect(await streamed(chunked(text, cuts), lang)).toEqual({ out: await wholeReplay(text, lang) });
      }),
      { numRuns: 150 },
    );
  });

  it('a long replay (one step a line) is the same, through a spill file past its memory', async () => {
    const trace = planted(longConnection(3_000), [500, 1_700]);
    const text = JSON.stringify(trace);
    const spilled: string[] = [];
    const spill = (): SpillFile => ({
      append: (t) => void spilled.push(t),
      chunks: async function* () {
        yield* spilled;
      },
      close: () => undefined,
    });
    const r = await streamed(chunked(text, [1_000, 70_000, 70_001]), 'en', spill, 10_000);
    expect(r).toEqual({ out: await wholeReplay(text, 'en') });
    expect(spilled.length).toBeGreaterThan(0);
  });

  it("a RST judged before its side's first shown call is judged again, as the whole trace shows that side's calls", async () => {
    const trace: Trace = {
      endpoints: { A: { role: 'client' }, B: { role: 'server' } },
      events: [
        { from: 'A', flags: ['SYN'], seq: 100, ack: 0, len: 0 },
        { from: 'B', flags: ['SYN', 'ACK'], seq: 900, ack: 101, len: 0 },
        { from: 'A', flags: ['ACK'], seq: 101, ack: 901, len: 0 },
        { from: 'B', flags: ['RST'], seq: 901, ack: 0, len: 0 },
        { app: { at: 'B', call: 'close' } },
      ],
    };
    // One pass alone would judge the RST as an inferred abort: the second pass is needed here.
    const once = startReplay(trace.endpoints);
    for (const e of trace.events) once.next(e);
    expect(once.redo()).toEqual({ A: false, B: true });
    const text = JSON.stringify(trace);
    const r = await streamed(chunked(text, []));
    expect(r).toEqual({ out: await wholeReplay(text, 'en') });
    expect(JSON.parse((r as { out: string }).out).steps[3].error.code).toBe('RST_WITHOUT_ABORT');
  });

  it.each([
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}, "events": [{"from": "A", "flags": ["SYN"], "seq": -1, "ack": 0}]}'],
    ['{"events": [{"from": "A", "flags": ["SYN"], "seq": -1, "ack": 0}], "endpoints": {"A": {"role": "client"}, "B": {"role": "king"}}}'],
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "king"}}, "events": 5}'],
    ['{"endpoints": 5, "events": [{"bogus": 1}]}'],
    ['{"events": []}'],
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}}'],
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}, "events": [{"app": {"at": "C", "call": "close"}}]}'],
    ['[]'],
    ['"trace"'],
  ])('%s is refused with the error parseTrace gives', async (text) => {
    let expected = '';
    try {
      parseTrace(JSON.parse(text));
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).not.toBe('');
    expect(await streamed(chunked(text, [7]))).toEqual({ error: expected });
  });

  it.each([
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}, "events": [{"from": "A"', /^\$: not JSON \(Unexpected end of JSON input\)$/],
    ['{"endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}, "events": [], "endpoints": {}}', /^\$: "endpoints" appears twice/],
    ['{"events": [], "endpoints": {}, "events": []}', /^\$: "events" appears twice/],
    ['', /^\$: not JSON/],
  ])('%s is refused: %s', async (text, message) => {
    const r = await streamed(chunked(text, []));
    expect(r).toMatchObject({ error: expect.stringMatching(message) });
  });
});
