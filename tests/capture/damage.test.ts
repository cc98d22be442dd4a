// Bad input: what is read before damage is kept and the damage is named with its packet
// number and byte offset; a file with nothing readable is a CaptureError; connections on a
// reused 4-tuple are split; memory-bounded streaming gives the same answer as one big chunk.
import { describe, expect, it } from 'vitest';
import { CaptureError, CaptureReader, readCapture } from '@/lib/capture';
import { parseTrace, replayTrace } from '@/lib/engine';
import { ethernet, ipPackets, pcap, pcapng, sampleSegments, segmentsOf } from './build';

const segments = sampleSegments();
const frames = ipPackets(segments).map((ip) => ethernet(ip));
const file = pcap(frames);
/** Byte offset of packet n (1-based) in `file`. */
const offsetOf = (n: number) => 24 + frames.slice(0, n - 1).reduce((sum, f) => sum + 16 + f.length, 0);

describe('damaged captures keep what was read', () => {
  it('a file cut inside packet 5 gives the first four packets and names packet 5 and its offset', () => {
    const r = readCapture(file.subarray(0, offsetOf(5) + 30));
    expect(segmentsOf(r.traces[0]!)).toHaveLength(4);
    const need = 16 + frames[4]!.length;
    expect(r.errors).toEqual([{ packet: 5, offset: offsetOf(5), message: expect.stringMatching(/ends inside packet 5/), reason: { code: 'ends-inside-packet', packet: 5, have: 30, need } }]);
  });

  it('a record header claiming an impossible length stops the reading there', () => {
    const bad = Uint8Array.from(file);
    new DataView(bad.buffer).setUint32(offsetOf(3) + 8, 0x7fff_ffff, true);
    const r = readCapture(bad);
    expect(segmentsOf(r.traces[0]!)).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({ packet: 3, offset: offsetOf(3), message: expect.stringMatching(/corrupt/) });
  });

  it('a pcapng block whose trailing length does not match is named by its offset', () => {
    const ng = pcapng([{ interfaces: [{ linkType: 1 }], blocks: frames.map((data) => ({ iface: 0, data })) }]);
    const bad = Uint8Array.from(ng);
    // The fourth packet block: SHB (28 bytes) + IDB (20) + three EPBs.
    const epb = (f: Uint8Array) => 32 + Math.ceil(f.length / 4) * 4;
    const at = 28 + 20 + frames.slice(0, 3).reduce((n, f) => n + epb(f), 0);
    const view = new DataView(bad.buffer);
    view.setUint32(at + epb(frames[3]!) - 4, 12345, true);
    const r = readCapture(bad);
    expect(segmentsOf(r.traces[0]!)).toHaveLength(3);
    expect(r.errors).toEqual([{ packet: 4, offset: at, message: expect.stringMatching(/block at offset \d+ is damaged/), reason: { code: 'block-trailer', offset: at, length: epb(frames[3]!), trailer: 12345 } }]);
  });

  it('a packet on an unsupported link type is skipped with an error; the others are read', () => {
    const ng = pcapng([{ interfaces: [{ linkType: 1 }, { linkType: 147 }], blocks: [{ iface: 1, data: Uint8Array.of(1, 2, 3) }, ...frames.map((data) => ({ iface: 0, data }))] }]);
    const r = readCapture(ng);
    expect(segmentsOf(r.traces[0]!)).toHaveLength(frames.length);
    expect(r.errors).toEqual([
      { packet: 1, offset: expect.any(Number), message: expect.stringMatching(/link type 147 is not supported/), reason: { code: 'unsupported-link', packet: 1, linkType: 147, supported: expect.stringContaining('Ethernet') } },
    ]);
  });
});

describe('unreadable files', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /empty/, 'empty'],
    ['a text file', new TextEncoder().encode('{"traces": []}'), /not a pcap or pcapng capture \(it starts with 7b 22 74 72\)/, 'not-a-capture'],
    ['a cut pcap header', file.subarray(0, 10), /pcap file header is cut off/, 'pcap-header-cut'],
    ['a pcap whose first packet is cut', file.subarray(0, 30), /cannot read this capture: the file ends inside packet 1/, 'ends-inside-packet'],
    ['a capture of an unsupported link type only', pcap([Uint8Array.of(1, 2, 3)], { linkType: 147 }), /link type 147 is not supported/, 'unsupported-link'],
    ['a pcapng whose first block is broken', Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a, 7, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 0, 0, 0, 0), /impossible length/, 'block-length'],
  ])('%s is a CaptureError naming why (%s)', (_name, bytes, message, code) => {
    expect(() => readCapture(bytes)).toThrow(CaptureError);
    expect(() => readCapture(bytes)).toThrow(message);
    expect(() => readCapture(bytes)).toThrow(expect.objectContaining({ reason: expect.objectContaining({ code }) }));
  });

  it('a valid capture with no packets has no traces and no errors', () => {
    expect(readCapture(pcap([]))).toMatchObject({ traces: [], errors: [] });
  });
});

describe('connections', () => {
  it('a 4-tuple reused after a close (a new SYN with a new ISN) is a second connection', () => {
    const again = ipPackets(segments.map((s) => ({ ...s, seq: (s.seq + 1_000_000) >>> 0, ack: s.ack === 0 ? 0 : s.from === 'B' ? (s.ack + 1_000_000) >>> 0 : s.ack })));
    const r = readCapture(pcap([...frames, ...again.map((ip) => ethernet(ip))]));
    expect(r.traces.map((t) => segmentsOf(t).length)).toEqual([frames.length, frames.length]);
    expect(r.traces.map((t) => t.name)).toEqual(['connection-1', 'connection-2']);
    expect(r.traces[1]!.source.frames[0]).toBe(frames.length + 1);
  });

  // tshark 4.0 keeps these in one stream (tcp.stream 0) and calls the second handshake's segments
  // "suspected retransmissions"; the contract asks for one trace per TCP connection, and after
  // the close (FIN both ways, or a RST) a new SYN opens a new one, whatever ISN it reuses.
  it.each([
    ['FIN both ways', frames],
    ['a RST', [...frames.slice(0, 4), ethernet(ipPackets([{ from: 'A', flags: ['RST'], seq: segments[3]!.seq + segments[3]!.len, ack: 0, len: 0 }])[0]!)]],
  ])('a 4-tuple reused after %s with the same ISN is a second connection, each replaying valid', (_name, first) => {
    const r = readCapture(pcap([...first, ...frames]));
    expect(r.traces.map((t) => segmentsOf(t).length)).toEqual([first.length, frames.length]);
    expect(r.traces[1]!.source.frames[0]).toBe(first.length + 1);
    expect(segmentsOf(r.traces[1]!)).toEqual(segmentsOf(readCapture(pcap(frames)).traces[0]!));
    for (const t of r.traces) expect(replayTrace(parseTrace(t), { lang: 'en' }).valid).toBe(true);
  });

  it('a SYN repeating the ISN when only one side has closed stays in its connection', () => {
    const halfClosed = frames.slice(0, -2);
    expect(readCapture(pcap([...halfClosed, frames[0]!])).traces).toHaveLength(1);
  });

  it('a retransmitted SYN (same ISN) stays in its connection', () => {
    const r = readCapture(pcap([frames[0]!, ...frames]));
    expect(r.traces).toHaveLength(1);
    expect(segmentsOf(r.traces[0]!)).toHaveLength(frames.length + 1);
  });

  it('reading in chunks of any size gives what one chunk gives', () => {
    const whole = readCapture(file);
    for (const size of [1, 3, 17, 100]) {
      const reader = new CaptureReader();
      for (let o = 0; o < file.length; o += size) reader.push(file.subarray(o, o + size));
      expect(reader.end()).toEqual(whole);
    }
  });

  it('interleaved connections come out in order of first packet', () => {
    const other = ipPackets(segments, Uint8Array.of(192, 0, 2, 9)).map((ip) => ethernet(ip));
    const mixed = frames.flatMap((f, i) => [f, other[i]!]);
    const r = readCapture(pcap(mixed));
    expect(r.traces.map((t) => t.endpoints.A.address)).toEqual(['192.0.2.1:40000', '192.0.2.9:40000']);
    expect(r.traces.map((t) => t.source.frames[0])).toEqual([1, 2]);
  });
});
