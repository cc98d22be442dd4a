// Every connection in each real capture (tests/fixtures/captures, from other projects' test
// suites) imports with exactly the segments tshark shows: expected/*.json was derived with
// tshark by derive-expected.ts and committed, so this test needs no tshark. And every
// connection that the capture shows conforming replays valid.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '@/lib/capture';
import { parseTrace, replayTrace, type Segment } from '@/lib/engine';
import { flagsOf } from '@/lib/capture/trace';

const dir = join(import.meta.dirname, '..', 'fixtures', 'captures');

interface Expected {
  file: string;
  connections: { stream: number; segments: [number, string, number, number, number, number][] }[];
}

/**
 * Connections that do not replay valid, and why: in each the capture itself shows a TCP that
 * does not conform, or missed packets (the engine is right to flag them).
 */
const NOT_CONFORMING: Record<string, string> = {
  'tcpdump_tfo-5c1fa7f9ae91.pcap#3': 'a FIN without ACK right after an unanswered SYN',
  'zeek_ldap_gap-data-missing.pcapng#1': 'the capture misses a data segment (the "gap" the file is named for)',
  'zeek_tcp_fin_retransmission.pcap#1': 'a FIN sent in SYN_SENT, before any SYN,ACK',
  'zeek_tcp_retransmit-fast009.pcap#1': 'the capture misses segments that later ACKs acknowledge',
};

const files = readdirSync(dir).filter((f) => /\.pcap(ng)?$/.test(f)).sort();

describe('real captures import as tshark reads them', () => {
  it('has an expected-segments file for every capture', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) expect(readdirSync(join(dir, 'expected'))).toContain(`${f}.json`);
  });

  for (const file of files) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected', `${file}.json`), 'utf8')) as Expected;
      const result = readCapture(new Uint8Array(readFileSync(join(dir, file))));
      expect(result.errors).toEqual([]);
      expect(result.traces).toHaveLength(expected.connections.length);
      result.traces.forEach((trace, i) => {
        const want = (expected.connections[i] as Expected['connections'][number]).segments.map(([frame, src, flags, seq, ack, len]) => ({
          frame,
          src,
          segment: { flags: flagsOf(flags), seq, ack: flags & 0x10 ? ack : 0, len },
        }));
        const sends = trace.events.flatMap((e) => ('send' in e ? [{ id: e.id, segment: e.send }] : []));
        const got = sends.map(({ id, segment }) => ({
          frame: Number(id),
          src: trace.endpoints[segment.from].address,
          segment: { flags: segment.flags, seq: segment.seq, ack: segment.ack, len: segment.len } satisfies Omit<Segment, 'from'>,
        }));
        expect(got).toEqual(want);
        expect(trace.source.frames).toEqual(want.map((w) => w.frame));
        const replay = replayTrace(parseTrace(trace), { lang: 'en' });
        const name = `${file}#${i + 1}`;
        expect({ name, valid: replay.valid }).toEqual({ name, valid: !(name in NOT_CONFORMING) });
      });
    });
  }
});
