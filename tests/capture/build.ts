// Hand-built captures for the reader's tests: every container variant (pcap in both byte orders
// and resolutions, pcapng with several sections and interfaces, each packet block kind, unknown
// blocks), every link type, IPv4 options, IPv6 extension headers and fragments. Packets come
// from lib/capture's own writer (tcpIpPacket) and are then wrapped or cut here, by hand.
import { generateScenario, type Segment, type Trace } from '@/lib/engine';
import { tcpIpPacket } from '@/lib/capture/write';

export const A4 = Uint8Array.of(192, 0, 2, 1);
export const B4 = Uint8Array.of(198, 51, 100, 7);
export const A6 = Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
export const B6 = Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xab, 0xcd);

const FLAG_BITS = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

export function segmentsOf(trace: Trace): Segment[] {
  return trace.events.flatMap((e): Segment[] => ('send' in e ? [e.send] : 'from' in e ? [e] : []));
}

/** A conforming connection to carry in each variant: data both ways and a full teardown. */
export function sampleSegments(): Segment[] {
  return segmentsOf(generateScenario('data_transfer', { seed: 7, difficulty: 'beginner' }));
}

/** One IP packet per segment, A at `a` port 40000, B at `b` port 443. */
export function ipPackets(segments: Segment[], a: Uint8Array = A4, b: Uint8Array = B4): Uint8Array[] {
  return segments.map((s, i) =>
    tcpIpPacket({
      src: s.from === 'A' ? a : b,
      dst: s.from === 'A' ? b : a,
      srcPort: s.from === 'A' ? 40_000 : 443,
      dstPort: s.from === 'A' ? 443 : 40_000,
      seq: s.seq,
      ack: s.ack,
      flags: s.flags.reduce((n, f) => n | FLAG_BITS[f], 0),
      len: s.len,
      id: 100 + i,
    }),
  );
}

const be16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number, le: boolean) => (le ? Uint8Array.of(n, n >> 8, n >> 16, n >>> 24) : Uint8Array.of(n >>> 24, n >> 16, n >> 8, n));
const u16 = (n: number, le: boolean) => (le ? Uint8Array.of(n, n >> 8) : Uint8Array.of(n >> 8, n));

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const etherType = (ip: Uint8Array) => ((ip[0] as number) >> 4 === 6 ? 0x86dd : 0x0800);

// ---- link layers ----
export function ethernet(ip: Uint8Array, tags: number[] = []): Uint8Array {
  const macs = Uint8Array.of(2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1);
  // tags: TPIDs from the outside in (0x88a8 then 0x8100 for QinQ), each with VLAN id 100 + i.
  const tagBytes = tags.map((tpid, i) => concat(be16(tpid), be16(100 + i)));
  const typeAfter = (i: number) => (i + 1 < tags.length ? (tags[i + 1] as number) : etherType(ip));
  const chain = tags.length === 0 ? [be16(etherType(ip))] : [be16(tags[0] as number), ...tagBytes.map((t, i) => concat(t.subarray(2), be16(typeAfter(i))))];
  return concat(macs, ...chain, ip);
}

export function sll(ip: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0), be16(etherType(ip)), ip);
}

export function sll2(ip: Uint8Array): Uint8Array {
  return concat(be16(etherType(ip)), Uint8Array.of(0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 6, 2, 0, 0, 0, 0, 1, 0), ip);
}

export function nullLink(ip: Uint8Array, af: number, le: boolean): Uint8Array {
  return concat(u32(af, le), ip);
}

// ---- IP variations ----
/** Inserts IPv4 options (NOPs and an end-of-list, padded to `words` 4-byte words). */
export function withIpv4Options(ip: Uint8Array, words: number): Uint8Array {
  const options = new Uint8Array(words * 4).fill(1);
  options[options.length - 1] = 0;
  const out = concat(ip.subarray(0, 20), options, ip.subarray(20));
  out[0] = 0x40 | (5 + words);
  out.set(be16(out.length), 2);
  return out;
}

/** Inserts IPv6 extension headers (hop-by-hop, destination options, routing) before TCP. */
export function withIpv6Extensions(ip: Uint8Array, kinds: (0 | 43 | 60)[]): Uint8Array {
  const headers = kinds.map((kind, i) => {
    const next = i + 1 < kinds.length ? (kinds[i + 1] as number) : 6;
    const h = new Uint8Array(kind === 43 ? 24 : 8);
    h[0] = next;
    h[1] = h.length / 8 - 1;
    if (kind === 43) h[3] = 0; // routing type 0 with no segments left
    else h.fill(1, 2); // PadN-free: Pad1 options
    return h;
  });
  const out = concat(ip.subarray(0, 40), ...headers, ip.subarray(40));
  out[6] = kinds[0] ?? 6;
  out.set(be16(out.length - 40), 4);
  return out;
}

/** Splits an IPv4 packet into fragments carrying at most `size` payload bytes (a multiple of 8). */
export function ipv4Fragments(ip: Uint8Array, size: number): Uint8Array[] {
  const header = ip.subarray(0, 20);
  const payload = ip.subarray(20);
  const out: Uint8Array[] = [];
  for (let o = 0; o < payload.length; o += size) {
    const part = payload.subarray(o, o + size);
    const frag = concat(header, part);
    frag.set(be16(frag.length), 2);
    const more = o + size < payload.length;
    frag.set(be16((more ? 0x2000 : 0) | (o / 8)), 6);
    out.push(frag);
  }
  return out;
}

/** Splits an IPv6 packet into fragments with a fragment header each. */
export function ipv6Fragments(ip: Uint8Array, size: number, id: number): Uint8Array[] {
  const payload = ip.subarray(40);
  const out: Uint8Array[] = [];
  for (let o = 0; o < payload.length; o += size) {
    const part = payload.subarray(o, o + size);
    const more = o + size < payload.length;
    const fh = concat(Uint8Array.of(ip[6] as number, 0), be16(o | (more ? 1 : 0)), u32(id, false));
    const frag = concat(ip.subarray(0, 40), fh, part);
    frag[6] = 44;
    frag.set(be16(frag.length - 40), 4);
    out.push(frag);
  }
  return out;
}

// ---- containers ----
export interface PcapOptions {
  le?: boolean;
  nsec?: boolean;
  linkType?: number;
  /** Keep at most this many bytes of each packet (a header-only snapshot). */
  snap?: number;
}

export function pcap(frames: Uint8Array[], o: PcapOptions = {}): Uint8Array {
  const le = o.le ?? true;
  const magic = o.nsec ? 0xa1b23c4d : 0xa1b2c3d4;
  const header = concat(u32(magic, le), u16(2, le), u16(4, le), u32(0, le), u32(0, le), u32(o.snap ?? 262_144, le), u32(o.linkType ?? 1, le));
  const records = frames.map((f, i) => {
    const kept = f.subarray(0, o.snap ?? f.length);
    return concat(u32(1_700_000_000 + i, le), u32(o.nsec ? 123_456_789 : 123_456, le), u32(kept.length, le), u32(f.length, le), kept);
  });
  return concat(header, ...records);
}

export interface PcapngSection {
  le?: boolean;
  interfaces: { linkType: number; tsresol?: number; snapLen?: number }[];
  /** Blocks in order: packets on an interface (as an EPB, SPB or obsolete PB) or an unknown block. */
  blocks: ({ iface: number; data: Uint8Array; kind?: 'epb' | 'spb' | 'opb' } | { unknown: number })[];
}

function block(type: number, body: Uint8Array, le: boolean): Uint8Array {
  const padded = concat(body, new Uint8Array((4 - (body.length % 4)) % 4));
  const len = padded.length + 12;
  return concat(u32(type, le), u32(len, le), padded, u32(len, le));
}

export function pcapng(sections: PcapngSection[]): Uint8Array {
  return concat(
    ...sections.map((s) => {
      const le = s.le ?? true;
      const shb = block(0x0a0d0d0a, concat(u32(0x1a2b3c4d, le), u16(1, le), u16(0, le), u32(0xffffffff, le), u32(0xffffffff, le)), le);
      const idbs = s.interfaces.map((i) => {
        const options = i.tsresol === undefined ? new Uint8Array(0) : concat(u16(9, le), u16(1, le), Uint8Array.of(i.tsresol, 0, 0, 0), u16(0, le), u16(0, le));
        return block(1, concat(u16(i.linkType, le), u16(0, le), u32(i.snapLen ?? 0, le), options), le);
      });
      const blocks = s.blocks.map((b, n) => {
        if ('unknown' in b) return block(b.unknown, Uint8Array.of(1, 2, 3, 4, 5), le);
        const ts = concat(u32(0, le), u32(1_000_000 + n, le));
        if (b.kind === 'spb') return block(3, concat(u32(b.data.length, le), b.data), le);
        if (b.kind === 'opb') return block(2, concat(u16(b.iface, le), u16(0, le), ts, u32(b.data.length, le), u32(b.data.length, le), b.data), le);
        return block(6, concat(u32(b.iface, le), ts, u32(b.data.length, le), u32(b.data.length, le), b.data), le);
      });
      return concat(shb, ...idbs, ...blocks);
    }),
  );
}
