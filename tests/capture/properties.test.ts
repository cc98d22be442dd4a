// Properties over generated scenarios and random or mutated bytes: to-pcap -> from-pcap gives
// back the same segments, the imported trace replays valid, and no input, however damaged,
// makes the reader throw anything but its own CaptureError (or hang: vitest's timeout).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError, CaptureReader, PcapWriteError, readCapture, traceToPcap, type CaptureResult } from '@/lib/capture';
import { canonicalFlags, generateScenario, parseTrace, replayTrace, SCENARIO_FAMILIES, type Segment } from '@/lib/engine';
import { ethernet, ipPackets, ipv4Fragments, pcap, pcapng, sampleSegments, segmentsOf } from './build';

const scenario = fc.record({
  family: fc.constantFrom(...SCENARIO_FAMILIES),
  seed: fc.integer({ min: 0, max: 0xffff_ffff }),
  difficulty: fc.constantFrom('beginner' as const, 'expert' as const),
});

/** Families whose capture holds two connections on one 4-tuple: reopened after TIME_WAIT, or RFC 9293 figure 8's old duplicate SYN (the answer to it and its refusal stay with it). */
const TWO_CONNECTIONS = new Set(['time_wait_expiry', 'old_duplicate_syn']);

const canonical = (s: Segment): Segment => ({ ...s, flags: canonicalFlags(s.flags) });

describe('to-pcap -> from-pcap', () => {
  it('gives back every segment of any generated scenario, and the import replays valid', () => {
    fc.assert(
      fc.property(scenario, ({ family, seed, difficulty }) => {
        const trace = generateScenario(family, { seed, difficulty });
        const { bytes, packets } = traceToPcap(trace);
        const imported = readCapture(bytes).traces;
        expect(imported.length).toBe(TWO_CONNECTIONS.has(family) ? 2 : 1);
        const sent = segmentsOf(trace);
        expect(packets).toBe(sent.length);
        // A is whoever sent the first SYN; in every family that is the trace's own A. In packet
        // order: the old duplicate's connections interleave.
        const byFrame = imported.flatMap((t) => segmentsOf(t).map((s, i) => ({ s, frame: t.source.frames[i] as number })));
        expect(byFrame.sort((x, y) => x.frame - y.frame).map((x) => x.s)).toEqual(sent.map(canonical));
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

describe('to-pcap addresses', () => {
  const trace = generateScenario('data_transfer', { seed: 3, difficulty: 'beginner' });
  // Among them the very addresses the defaults would give the other end.
  const address = fc.oneof(
    fc.constantFrom('10.0.0.1:80', '10.0.0.2:80', '10.0.0.1:49152', '10.0.0.2:49152', '[2001:db8::1]:80', '[2001:db8::2]:49152', '[2001:db8::2]:80'),
    fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 65_535 })).map(([ip, port]) => `${ip}:${port}`),
  );

  it('an end the trace does not name takes the named end\'s family, never its address, and reads back apart', () => {
    fc.assert(
      fc.property(fc.constantFrom('A' as const, 'B' as const), address, (side, named) => {
        const imported = readCapture(traceToPcap(trace, { [side]: named }).bytes).traces;
        expect(imported).toHaveLength(1);
        const ends = imported[0]!.endpoints;
        expect(ends[side].address).toBe(named);
        const other = ends[side === 'A' ? 'B' : 'A'].address;
        expect(other).not.toBe(named);
        expect(other.startsWith('[')).toBe(named.startsWith('['));
        expect(segmentsOf(imported[0]!)).toEqual(segmentsOf(trace).map(canonical));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses two ends with the same address and port: no capture could tell them apart', () => {
    expect(() => traceToPcap(trace, { A: '192.0.2.7:80', B: '192.0.2.7:80' })).toThrow(PcapWriteError);
    expect(() => traceToPcap(trace, { A: '[2001:db8::1]:80', B: '[2001:db8:0::1]:80' })).toThrow(PcapWriteError);
  });

  it('reads an IPv6 address whose last 32 bits are a dotted quad (RFC 4291 2.2)', () => {
    const [t] = readCapture(traceToPcap(trace, { A: '[::ffff:192.0.2.1]:5', B: '[64:ff9b::198.51.100.7]:6' }).bytes).traces;
    expect([t!.endpoints.A.address, t!.endpoints.B.address]).toEqual(['[::ffff:c000:201]:5', '[64:ff9b::c633:6407]:6']);
    expect(() => traceToPcap(trace, { A: '[::ffff:192.0.2.300]:5' })).toThrow(PcapWriteError);
    expect(() => traceToPcap(trace, { A: '[1:2:3:4:5:6:7:1.2.3.4]:5' })).toThrow(PcapWriteError);
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
