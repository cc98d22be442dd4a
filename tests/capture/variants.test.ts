// The reader on hand-built captures: each container format variant, link type, IP variation
// and fragment case carries the same conforming connection, which must come back with exactly
// its segments and replay valid. Where tshark is installed, it reads each file too and must see
// the same segments (a check on the builder; CI does not need it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '@/lib/capture';
import { canonicalFlags, parseTrace, replayTrace, type Segment } from '@/lib/engine';
import { flagsOf } from '@/lib/capture/trace';
import {
  A6,
  B6,
  concat,
  ethernet,
  ipPackets,
  ipv4Fragments,
  ipv6Fragments,
  nullLink,
  pcap,
  pcapng,
  sampleSegments,
  segmentsOf,
  sll,
  sll2,
  withIpv4Options,
  withIpv6Extensions,
} from './build';

const segments = sampleSegments();
const v4 = ipPackets(segments);
const v6 = ipPackets(segments, A6, B6);

const hasTshark = (() => {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const tmp = mkdtempSync(join(tmpdir(), 'synack-capture-'));

/** Segments as tshark shows them (seq, ack, flags, len), in packet order. */
function tsharkSegments(bytes: Uint8Array): Omit<Segment, 'from'>[] {
  const file = join(tmp, `c${Math.random().toString(36).slice(2)}.pcap`);
  writeFileSync(file, bytes);
  const out = execFileSync('tshark', ['-n', '-r', file, '-Y', 'tcp && !icmp', '-T', 'fields', '-e', 'tcp.seq_raw', '-e', 'tcp.ack_raw', '-e', 'tcp.flags', '-e', 'tcp.len'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [seq, ack, flags, len] = line.split('\t');
      const bits = parseInt(flags as string, 16);
      return { flags: flagsOf(bits), seq: Number(seq), ack: bits & 0x10 ? Number(ack) : 0, len: Number(len) };
    });
}

/** A segment as the reader writes it: flags in the engine's canonical order. */
const canonical = (s: Segment): Segment => ({ ...s, flags: canonicalFlags(s.flags) });
const strip = ({ from: _from, ...rest }: Segment) => rest;

function expectSample(bytes: Uint8Array, addresses: [string, string] = ['192.0.2.1:40000', '198.51.100.7:443']) {
  const result = readCapture(bytes);
  expect(result.errors).toEqual([]);
  expect(result.traces).toHaveLength(1);
  const trace = result.traces[0]!;
  expect(segmentsOf(trace)).toEqual(segments.map(canonical));
  expect([trace.endpoints.A.address, trace.endpoints.B.address]).toEqual(addresses);
  expect(replayTrace(parseTrace(trace), { lang: 'en' }).valid).toBe(true);
  if (hasTshark) expect(tsharkSegments(bytes)).toEqual(segments.map(canonical).map(strip));
  return result;
}

const V6_ADDRESSES: [string, string] = ['[2001:db8::1]:40000', '[2001:db8:1::abcd]:443'];

describe('container formats', () => {
  it.each([
    ['pcap, little-endian, microseconds', { le: true }],
    ['pcap, big-endian, microseconds', { le: false }],
    ['pcap, little-endian, nanoseconds', { le: true, nsec: true }],
    ['pcap, big-endian, nanoseconds', { le: false, nsec: true }],
  ])('%s', (_name, options) => {
    expectSample(pcap(v4.map((ip) => ethernet(ip)), options));
  });

  it('pcap nanosecond timestamps keep their fraction', () => {
    const r = readCapture(pcap(v4.map((ip) => ethernet(ip)), { nsec: true }));
    expect(r.traces[0]!.source.times.slice(0, 2)).toEqual([0, 1]);
  });

  it.each([true, false])('pcapng, enhanced packet blocks, little-endian %s', (le) => {
    expectSample(pcapng([{ le, interfaces: [{ linkType: 1 }], blocks: v4.map((ip) => ({ iface: 0, data: ethernet(ip) })) }]));
  });

  it('pcapng: several sections in both byte orders, per-interface link types and resolutions, SPB, obsolete PB, unknown blocks skipped', () => {
    const half = Math.floor(v4.length / 2);
    const bytes = pcapng([
      {
        le: true,
        interfaces: [{ linkType: 1, tsresol: 9 }, { linkType: 101 }],
        blocks: [{ unknown: 0x0bad }, ...v4.slice(0, half).map((ip, i) => (i % 2 ? { iface: 1, data: ip } : { iface: 0, data: ethernet(ip), kind: 'opb' as const })), { unknown: 0x8000_0abc }],
      },
      { le: false, interfaces: [{ linkType: 113, tsresol: 0x80 | 20 }], blocks: v4.slice(half).map((ip) => ({ iface: 0, data: sll(ip), kind: 'spb' as const })) },
    ]);
    const r = expectSample(bytes);
    expect(r.format).toBe('pcapng');
    expect(r.stats.packets).toBe(v4.length);
  });
});

describe('link types', () => {
  it.each([
    ['Ethernet with an 802.1Q tag', 1, (ip: Uint8Array) => ethernet(ip, [0x8100])],
    ['Ethernet with QinQ tags', 1, (ip: Uint8Array) => ethernet(ip, [0x88a8, 0x8100])],
    ['Linux cooked SLL', 113, sll],
    ['Linux cooked SLL2', 276, sll2],
    ['raw IP (101)', 101, (ip: Uint8Array) => ip],
    ['raw IP under link type 12', 12, (ip: Uint8Array) => ip],
    ['raw IP under link type 14 (OpenBSD DLT_RAW; Wireshark reads it)', 14, (ip: Uint8Array) => ip],
    ['raw IPv4 (228)', 228, (ip: Uint8Array) => ip],
    ['BSD loopback, AF 2 little-endian', 0, (ip: Uint8Array) => nullLink(ip, 2, true)],
    ['BSD loopback, AF 2 big-endian', 0, (ip: Uint8Array) => nullLink(ip, 2, false)],
    ['OpenBSD loopback (108)', 108, (ip: Uint8Array) => nullLink(ip, 2, false)],
  ])('%s', (_name, linkType, wrap) => {
    expectSample(pcap(v4.map(wrap), { linkType }));
  });

  it.each([
    ['raw IPv6 (229)', 229, (ip: Uint8Array) => ip],
    ['raw IP (101) carrying IPv6', 101, (ip: Uint8Array) => ip],
    ['BSD loopback, AF 24 (NetBSD)', 0, (ip: Uint8Array) => nullLink(ip, 24, true)],
    ['BSD loopback, AF 28 (FreeBSD)', 0, (ip: Uint8Array) => nullLink(ip, 28, true)],
    ['BSD loopback, AF 30 (macOS), big-endian', 0, (ip: Uint8Array) => nullLink(ip, 30, false)],
    ['Ethernet, IPv6', 1, (ip: Uint8Array) => ethernet(ip)],
  ])('%s', (_name, linkType, wrap) => {
    expectSample(pcap(v6.map(wrap), { linkType }), V6_ADDRESSES);
  });
});

describe('IP variations', () => {
  it('IPv4 with options', () => {
    expectSample(pcap(v4.map((ip) => ethernet(withIpv4Options(ip, 3)))));
  });

  it('IPv6 with hop-by-hop, destination-options and routing headers', () => {
    expectSample(pcap(v6.map((ip) => ethernet(withIpv6Extensions(ip, [0, 60, 43])))), V6_ADDRESSES);
  });

  it('IPv4 fragments, some out of order, are one segment each', () => {
    const frames = v4.flatMap((ip, i) => {
      const parts = ip.length > 40 ? ipv4Fragments(ip, 16) : [ip];
      return (i % 2 ? parts.reverse() : parts).map((p) => ethernet(p));
    });
    expect(frames.length).toBeGreaterThan(v4.length);
    const r = expectSample(pcap(frames));
    expect(r.stats.skipped.fragment).toBe(frames.length - v4.length);
  });

  it('IPv6 fragments (behind a destination-options header) are one segment each', () => {
    const frames = v6.flatMap((ip, i) => (ip.length > 60 ? ipv6Fragments(ip, 24, 7 + i) : [ip]).map((p) => ethernet(p)));
    expect(frames.length).toBeGreaterThan(v6.length);
    expectSample(pcap(frames), V6_ADDRESSES);
  });

  it('a header-only snapshot still gives every segment its length (from the IP header)', () => {
    expectSample(pcap(v4.map((ip) => ethernet(ip)), { snap: 14 + 20 + 20 }));
  });
});

describe('packets that are not segments of a connection', () => {
  it('UDP, ARP and an ICMP error quoting a TCP header are skipped and counted', () => {
    const udp = Uint8Array.from(v4[0]!);
    udp[9] = 17;
    const arp = concat(Uint8Array.of(2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x06), new Uint8Array(28));
    const icmp = concat(Uint8Array.of(0x45, 0, 0, 56, 0, 0, 0, 0, 64, 1, 0, 0, 198, 51, 100, 7, 192, 0, 2, 1), Uint8Array.of(3, 3, 0, 0, 0, 0, 0, 0), v4[1]!.subarray(0, 28));
    const frames = [ethernet(udp), arp, ...v4.map((ip) => ethernet(ip)), ethernet(icmp)];
    const r = readCapture(pcap(frames));
    expect(r.traces).toHaveLength(1);
    expect(segmentsOf(r.traces[0]!)).toHaveLength(v4.length);
    expect(r.stats).toEqual({ packets: frames.length, tcp: v4.length, skipped: { 'not-tcp': 1, 'not-ip': 1, icmp: 1 } });
  });
});
