// Properties over generated scenarios and random or mutated bytes: to-pcap -> from-pcap gives
// back the same segments, the imported trace replays valid, and no input, however damaged,
// makes the reader throw anything but its own CaptureError (or hang: vitest's timeout).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError, CaptureReader, readCapture, traceToPcap, type CaptureResult } from '@/lib/capture';
import { canonicalFlags, generateScenario, parseTrace, replayTrace, SCENARIO_FAMILIES, type Segment } from '@/lib/engine';
import { ethernet, ipPackets, ipv4Fragments, pcap, pcapng, sampleSegments, segmentsOf } from './build';

/**
 * Families whose capture is not read back as one valid connection yet: old_duplicate_syn, whose
 * second SYN with another ISN starts a second connection on the 4-tuple. (lost_data round-trips:
 * a retransmission queued behind the later data it fills the gap of is delivered before the
 * cumulative ACK that covers both.)
 */
const NOT_ROUND_TRIPPED_YET = new Set(['old_duplicate_syn']);

const scenario = fc.record({
  family: fc.constantFrom(...SCENARIO_FAMILIES.filter((f) => !NOT_ROUND_TRIPPED_YET.has(f))),
  seed: fc.integer({ min: 0, max: 0xffff_ffff }),
  difficulty: fc.constantFrom('beginner' as const, 'expert' as const),
});

const canonical = (s: Segment): Segment => ({ ...s, flags: canonicalFlags(s.flags) });

describe('to-pcap -> from-pcap', () => {
  it('gives back every segment of any generated scenario, and the import replays valid', () => {
    fc.assert(
      fc.property(scenario, ({ family, seed, difficulty }) => {
        const trace = generateScenario(family, { seed, difficulty });
        const { bytes, packets } = traceToPcap(trace);
        const imported = readCapture(bytes).traces;
        // One connection, or two when the scenario reopens the 4-tuple after TIME_WAIT.
        expect(imported.length).toBe(family === 'time_wait_expiry' ? 2 : 1);
        const sent = segmentsOf(trace);
        expect(packets).toBe(sent.length);
        // A is whoever sent the first SYN; in every family that is the trace's own A.
        expect(imported.flatMap(segmentsOf)).toEqual(sent.map(canonical));
        for (const t of imported) expect(replayTrace(parseTrace(t), { lang: 'en' }).valid).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the addresses a trace names, IPv4 or IPv6', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ family, seed, difficulty }, v6) => {
        const trace = generateScenario(family, { seed, difficulty });
        const addresses = v6 ? { A: '[2001:db8::7]:5555', B: '[fe80::1:2]:22' } : { A: '203.0.113.5:5555', B: '198.51.100.200:22' };
        const [imported] = readCapture(traceToPcap(trace, addresses).bytes).traces;
        expect({ A: imported!.endpoints.A.address, B: imported!.endpoints.B.address }).toEqual(addresses);
      }),
      { numRuns: 50 },
    );
  });
});

/** Valid captures to mutate: hand-built variants and the real fixtures. */
const seeds: Uint8Array[] = (() => {
  const frames = ipPackets(sampleSegments());
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'captures');
  return [
    pcap(frames.map((ip) => ethernet(ip))),
    pcap(frames.flatMap((ip) => ipv4Fragments(ip, 8)).map((ip) => ethernet(ip)), { le: false, nsec: true }),
    pcapng([{ interfaces: [{ linkType: 1 }, { linkType: 101 }], blocks: frames.map((ip, i) => ({ iface: i % 2, data: i % 2 ? ip : ethernet(ip) })) }]),
    ...readdirSync(fixtures)
      .filter((f) => /\.pcap(ng)?$/.test(f))
      .map((f) => new Uint8Array(readFileSync(join(fixtures, f)))),
  ];
})();

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Uint8Array.from(input);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'set') b[at] = m.byte;
    else if (m.kind === 'cut') b = b.slice(0, at);
    else if (m.kind === 'insert') b = Uint8Array.from([...b.subarray(0, at), ...m.bytes, ...b.subarray(at)]);
    else b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.count)]);
  }
  return b;
}

/** The reader either returns traces the engine accepts, or throws its own CaptureError. */
function readsOrRefuses(bytes: Uint8Array): void {
  try {
    const r = readCapture(bytes);
    for (const t of r.traces) parseTrace(JSON.parse(JSON.stringify(t)));
    for (const e of r.errors) expect(e.message).toMatch(/\S/);
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    expect(e.message).not.toMatch(/\n/);
  }
}

describe('fuzzing the reader', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), readsOrRefuses), { numRuns: 500 });
  });

  it('random bytes behind a valid pcap or pcapng header', () => {
    const heads = [seeds[0]!.subarray(0, 24), seeds[2]!.subarray(0, 48)];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 4096 }), (head, tail) => readsOrRefuses(Uint8Array.from([...head, ...tail]))),
      { numRuns: 500 },
    );
  });

  it('mutated valid captures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 }), (seed, ms) => readsOrRefuses(mutate(seed, ms))),
      { numRuns: 1500 },
    );
  });
});

/** The whole read's outcome: the result, or the CaptureError's message. */
function outcome(read: () => CaptureResult): CaptureResult | string {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    return e.message;
  }
}

/**
 * Reads `bytes` as the CLI does: each chunk copied into one buffer that is reused (and here
 * scribbled over) as soon as push returns, so a reader that kept a chunk would read garbage.
 */
function readThroughOneBuffer(bytes: Uint8Array, sizes: number[]): CaptureResult {
  const buffer = new Uint8Array(Math.max(...sizes));
  const reader = new CaptureReader();
  for (let o = 0, i = 0; o < bytes.length; i++) {
    const size = Math.min(sizes[i % sizes.length] as number, bytes.length - o);
    buffer.set(bytes.subarray(o, o + size));
    reader.push(buffer.subarray(0, size));
    buffer.fill(0xa5);
    o += size;
  }
  return reader.end();
}

describe('streaming', () => {
  it('chunks of any sizes through one reused buffer give what one chunk gives, damaged or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 8 }),
        (seed, ms, sizes) => {
          const bytes = mutate(seed, ms);
          expect(outcome(() => readThroughOneBuffer(bytes, sizes))).toEqual(outcome(() => readCapture(bytes)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
