// Traces to pcap: each segment a sender transmits becomes one Ethernet/IPv4 (or IPv6) packet
// with valid checksums and a zero-filled payload of `len` bytes, so Wireshark opens the file and
// `from-pcap` reads back the same segments. The addresses are the endpoints' own when the trace
// names them, else A is 10.0.0.1 and B 10.0.0.2 (2001:db8::1 and ::2 beside a named IPv6 end;
// never the other end's very address). Pure.
import type { Segment, Side, Trace } from '../engine/index';
import { otherSide } from '../engine/types';
import { parseEndpoint } from './address';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from './connections';
import type { TcpPacket } from './decode';

/** A segment to write: the reader's TcpPacket, with addresses as bytes (4 for IPv4, 16 for IPv6). */
export interface TcpPacketSpec extends Omit<TcpPacket, 'src' | 'dst'> {
  src: Uint8Array;
  dst: Uint8Array;
  /** IPv4 identification (ignored for IPv6). */
  id?: number;
}

const IPV4_HEADER = 20;
const IPV6_HEADER = 40;
const TCP_HEADER = 20;
export const MAX_IPV4_PAYLOAD = 65_535 - IPV4_HEADER - TCP_HEADER;

/** An IPv4 or IPv6 packet (by the addresses' length) carrying one TCP segment. */
export function tcpIpPacket(p: TcpPacketSpec): Uint8Array {
  const v6 = p.src.length === 16;
  const ipLen = v6 ? IPV6_HEADER : IPV4_HEADER;
  const out = new Uint8Array(ipLen + TCP_HEADER + p.len);
  const tcp = out.subarray(ipLen);
  put16(tcp, 0, p.srcPort);
  put16(tcp, 2, p.dstPort);
  put32(tcp, 4, p.seq);
  put32(tcp, 8, p.ack);
  tcp[12] = (TCP_HEADER / 4) << 4;
  tcp[13] = p.flags;
  put16(tcp, 14, 65_535);
  if (v6) {
    out[0] = 0x60;
    put16(out, 4, TCP_HEADER + p.len);
    out[6] = 6;
    out[7] = 64;
    out.set(p.src, 8);
    out.set(p.dst, 24);
  } else {
    out[0] = 0x45;
    put16(out, 2, out.length);
    put16(out, 4, p.id ?? 0);
    out[6] = 0x40; // don't fragment
    out[8] = 64;
    out[9] = 6;
    out.set(p.src, 12);
    out.set(p.dst, 16);
    put16(out, 10, checksum([out.subarray(0, IPV4_HEADER)]));
  }
  put16(tcp, 16, checksum([pseudoHeader(p.src, p.dst, tcp.length), tcp]));
  return out;
}

/** An Ethernet II frame around an IP packet (locally administered MACs, one per side). */
export function ethernetFrame(ip: Uint8Array, fromA: boolean): Uint8Array {
  const frame = new Uint8Array(14 + ip.length);
  frame.set(fromA ? MAC_B : MAC_A, 0);
  frame.set(fromA ? MAC_A : MAC_B, 6);
  put16(frame, 12, (ip[0] as number) >> 4 === 6 ? 0x86dd : 0x0800);
  frame.set(ip, 14);
  return frame;
}

const MAC_A = Uint8Array.of(0x02, 0, 0, 0, 0, 0x01);
const MAC_B = Uint8Array.of(0x02, 0, 0, 0, 0, 0x02);

export const LINKTYPE_ETHERNET = 1;

/** A pcap file (little-endian, microseconds) of the given frames; `linkType` applies to all. */
export function pcapFile(frames: { time: number; data: Uint8Array }[], linkType = LINKTYPE_ETHERNET): Uint8Array {
  const size = 24 + frames.reduce((n, f) => n + 16 + f.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 262_144, true);
  view.setUint32(20, linkType, true);
  let o = 24;
  for (const f of frames) {
    const seconds = Math.floor(f.time);
    view.setUint32(o, seconds, true);
    view.setUint32(o + 4, Math.round((f.time - seconds) * 1e6), true);
    view.setUint32(o + 8, f.data.length, true);
    view.setUint32(o + 12, f.data.length, true);
    out.set(f.data, o + 16);
    o += 16 + f.data.length;
  }
  return out;
}

/** A trace that cannot be written as a capture (an address that is not one, a segment too big). */
export class PcapWriteError extends Error {}

/** 2026-01-01T00:00:00Z: generated captures carry a fixed date. */
const EPOCH = 1_767_225_600;

/** One trace, and the endpoints' "ip:port" from its JSON when it names them. */
export interface TraceWithAddresses {
  trace: Trace;
  addresses?: Partial<Record<Side, string>>;
}

/**
 * The trace's segments, in the order they are sent, as a pcap file. `addresses` are the
 * endpoints' "ip:port" from the trace's JSON, when it names them.
 */
export function traceToPcap(trace: Trace, addresses: Partial<Record<Side, string>> = {}): { bytes: Uint8Array; packets: number } {
  return tracesToPcap([{ trace, addresses }]);
}

/** Several traces one after the other in one capture (give each its own addresses or ports). */
export function tracesToPcap(traces: TraceWithAddresses[]): { bytes: Uint8Array; packets: number } {
  const frames = traces.flatMap(({ trace, addresses }) => traceFrames(trace, addresses ?? {}));
  // One millisecond apart, from a fixed date, so the same traces always write the same file.
  const timed = frames.map((data, i) => ({ time: EPOCH + i / 1000, data }));
  return { bytes: pcapFile(timed), packets: frames.length };
}

function traceFrames(trace: Trace, addresses: Partial<Record<Side, string>>): Uint8Array[] {
  const ends = endpointsOf(trace, addresses);
  const segments = trace.events.flatMap((e): Segment[] => ('send' in e ? [e.send] : 'from' in e ? [e] : []));
  const limit = ends.A.ip.length === 16 ? 65_535 - TCP_HEADER : MAX_IPV4_PAYLOAD;
  return segments.map((s, i) => {
    if (s.len > limit) throw new PcapWriteError(`segment ${i + 1} carries ${s.len} bytes, more than one IP packet holds (${limit})`);
    const from = ends[s.from];
    const to = ends[otherSide(s.from)];
    const ip = tcpIpPacket({ src: from.ip, dst: to.ip, srcPort: from.port, dstPort: to.port, seq: s.seq, ack: s.ack, flags: flagBits(s), len: s.len, id: i + 1 });
    return ethernetFrame(ip, s.from === 'A');
  });
}

function endpointsOf(trace: Trace, addresses: Partial<Record<Side, string>>): Record<Side, { ip: Uint8Array; port: number }> {
  const port = (side: Side) => (trace.endpoints[side].role === 'server' ? 80 : side === 'A' ? 49_152 : 49_153);
  const named = (side: Side) => {
    const text = addresses[side];
    if (text === undefined) return null;
    const parsed = parseEndpoint(text);
    if (parsed === null) throw new PcapWriteError(`endpoint ${side}'s address "${text}" is not "ip:port" (IPv6 as "[ip]:port")`);
    return parsed;
  };
  const given = { A: named('A'), B: named('B') };
  // An unnamed side takes the named one's family (IPv6: 2001:db8::1 and ::2, the documentation
  // prefix), and never its very address: the two ends of a capture must differ to be told apart.
  const fallback = (side: Side) => {
    const other = given[otherSide(side)];
    const v6 = other !== null && other.ip.length === 16;
    const ipOf = (s: Side) => (v6 ? Uint8Array.of(0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, s === 'A' ? 1 : 2) : Uint8Array.of(10, 0, 0, s === 'A' ? 1 : 2));
    const mine = { ip: ipOf(side), port: port(side) };
    return other !== null && sameEndpoint(mine, other) ? { ip: ipOf(otherSide(side)), port: port(side) } : mine;
  };
  const ends = { A: given.A ?? fallback('A'), B: given.B ?? fallback('B') };
  if (ends.A.ip.length !== ends.B.ip.length) throw new PcapWriteError('endpoints A and B must both be IPv4 or both IPv6');
  if (sameEndpoint(ends.A, ends.B)) throw new PcapWriteError('endpoints A and B have the same address and port, so the capture could not tell their packets apart');
  return ends;
}

function sameEndpoint(a: { ip: Uint8Array; port: number }, b: { ip: Uint8Array; port: number }): boolean {
  return a.port === b.port && a.ip.length === b.ip.length && a.ip.every((x, i) => x === b.ip[i]);
}

function flagBits(s: Segment): number {
  const bits = { SYN: TCP_SYN, ACK: TCP_ACK, FIN: TCP_FIN, RST: TCP_RST, PSH: TCP_PSH };
  return s.flags.reduce((n, f) => n | bits[f], 0);
}

function pseudoHeader(src: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
  const v6 = src.length === 16;
  const out = new Uint8Array(v6 ? 40 : 12);
  out.set(src, 0);
  out.set(dst, src.length);
  if (v6) {
    put32(out, 32, length);
    out[39] = 6;
  } else {
    out[9] = 6;
    put16(out, 10, length);
  }
  return out;
}

/** The Internet checksum (RFC 1071) over the parts, as if they were one byte string (each but the last of even length). */
function checksum(parts: Uint8Array[]): number {
  let sum = 0;
  for (const part of parts) {
    const even = part.length & ~1;
    for (let i = 0; i < even; i += 2) sum += ((part[i] as number) << 8) | (part[i + 1] as number);
    if (even < part.length) sum += (part[even] as number) << 8;
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}

function put32(b: Uint8Array, o: number, v: number): void {
  put16(b, o, (v >>> 16) & 0xffff);
  put16(b, o + 2, v & 0xffff);
}
