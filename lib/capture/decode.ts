// From a frame to the TCP segment it carries: link layer, then IPv4 (with options) or IPv6
// (through hop-by-hop, routing, destination-options, fragment and AH headers), fragments
// reassembled, IP-in-IP and GRE tunnels followed, then the TCP header. The payload length comes
// from the IP header, so a capture that kept only headers still gives every segment its `len`.
// What is not a TCP segment says why, so the reader can count it. Pure.
import { ipv4Text, ipv6Text } from './address';
import { u16be, u32be } from './bytes';
import type { Frame } from './container';
import { Reassembler } from './fragments';
import { findIp } from './link';

/** One TCP segment as the wire had it. `ack` is the raw field, whatever the ACK flag says. */
export interface TcpPacket {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /** The TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, ...). */
  flags: number;
  len: number;
}

export type SkipReason = 'not-ip' | 'not-tcp' | 'icmp' | 'fragment' | 'malformed' | 'unsupported-link';

export type Decoded = { kind: 'tcp'; packet: TcpPacket } | { kind: 'skip'; reason: SkipReason };

const skip = (reason: SkipReason): Decoded => ({ kind: 'skip', reason });

/** IP protocol numbers (IANA) the decoder follows or names. */
const PROTO = { ICMP: 1, IPIP: 4, TCP: 6, IPV6: 41, GRE: 47, ICMPV6: 58 } as const;
/** Tunnels inside tunnels are followed this deep, no deeper (a crafted packet could nest forever). */
const MAX_NESTING = 4;
/** Hop-by-hop, routing, destination options, mobility, HIP, shim6: all (length + 1) * 8 bytes. */
const IPV6_OPTION_HEADERS = new Set([0, 43, 60, 135, 139, 140]);
/** Next-header values handled on their own: fragment, authentication header, no next header. */
const IPV6 = { FRAGMENT: 44, AH: 51, NO_NEXT: 59 } as const;

export class PacketDecoder {
  private readonly fragments = new Reassembler();

  decode(frame: Frame): Decoded {
    const link = findIp(frame.linkType, frame.data);
    if (link.kind === 'unsupported') return skip('unsupported-link');
    if (link.kind === 'not-ip') return skip('not-ip');
    return this.ip(link.version, frame.data.subarray(link.offset), 0);
  }

  private ip(version: number, b: Uint8Array, depth: number): Decoded {
    return version === 4 ? this.ipv4(b, depth) : version === 6 ? this.ipv6(b, depth) : skip('not-ip');
  }

  private ipv4(b: Uint8Array, depth: number): Decoded {
    if (b.length < 20 || (b[0] as number) >> 4 !== 4) return skip('malformed');
    const headerLen = ((b[0] as number) & 0x0f) * 4;
    // A zero total length is what TCP segmentation offload leaves: the frame's length stands in.
    const total = u16be(b, 2) || b.length;
    if (headerLen < 20 || total < headerLen || b.length < headerLen) return skip('malformed');
    const fragment = u16be(b, 6);
    const more = (fragment & 0x2000) !== 0;
    const offset = (fragment & 0x1fff) * 8;
    const proto = b[9] as number;
    const src = ipv4Text(b, 12);
    const dst = ipv4Text(b, 16);
    let payload = b.subarray(headerLen, Math.min(total, b.length));
    let payloadLen = total - headerLen;
    if (more || offset > 0) {
      // A fragment the capture cut short can never be put back together.
      if (payload.length < payloadLen) return skip('fragment');
      const whole = this.fragments.add(`4 ${src} ${dst} ${proto} ${u16be(b, 4)}`, offset, payload, more);
      if (whole === null) return skip('fragment');
      payload = whole;
      payloadLen = whole.length;
    }
    return this.transport(proto, src, dst, payload, payloadLen, depth);
  }

  private ipv6(b: Uint8Array, depth: number): Decoded {
    if (b.length < 40 || (b[0] as number) >> 4 !== 6) return skip('malformed');
    const src = ipv6Text(b, 8);
    const dst = ipv6Text(b, 24);
    const payloadLen = u16be(b, 4);
    return this.ipv6Headers(b[6] as number, b.subarray(40, Math.min(40 + payloadLen, b.length)), payloadLen, src, dst, depth);
  }

  /** Walks IPv6 extension headers; `claimed` is the length the IP header gives, `b` what was captured. */
  private ipv6Headers(next: number, b: Uint8Array, claimed: number, src: string, dst: string, depth: number): Decoded {
    let nh = next;
    let o = 0;
    for (;;) {
      if (IPV6_OPTION_HEADERS.has(nh) || nh === IPV6.AH) {
        if (b.length < o + 2) return skip('malformed');
        const len = nh === IPV6.AH ? ((b[o + 1] as number) + 2) * 4 : ((b[o + 1] as number) + 1) * 8;
        nh = b[o] as number;
        o += len;
        if (o > claimed) return skip('malformed');
      } else if (nh === IPV6.FRAGMENT) {
        if (b.length < o + 8) return skip('malformed');
        const inner = b[o] as number;
        const field = u16be(b, o + 2);
        const offset = field & 0xfff8;
        const more = (field & 1) !== 0;
        o += 8;
        // An atomic fragment (RFC 6946) is a whole datagram with an empty fragment header.
        if (offset === 0 && !more) {
          nh = inner;
          continue;
        }
        const data = b.subarray(o);
        if (data.length < claimed - o || depth >= MAX_NESTING) return skip('fragment');
        const whole = this.fragments.add(`6 ${src} ${dst} ${u32be(b, o - 4)}`, offset, data.subarray(0, claimed - o), more);
        if (whole === null) return skip('fragment');
        return this.ipv6Headers(inner, whole, whole.length, src, dst, depth + 1);
      } else if (nh === IPV6.NO_NEXT) return skip('not-tcp');
      else return this.transport(nh, src, dst, b.subarray(o), claimed - o, depth);
    }
  }

  private transport(proto: number, src: string, dst: string, payload: Uint8Array, payloadLen: number, depth: number): Decoded {
    switch (proto) {
      case PROTO.TCP:
        return tcp(payload, payloadLen, src, dst);
      case PROTO.ICMP:
      case PROTO.ICMPV6:
        return skip('icmp');
      case PROTO.IPIP:
      case PROTO.IPV6:
        return depth >= MAX_NESTING ? skip('not-tcp') : this.ip(proto === PROTO.IPIP ? 4 : 6, payload, depth + 1);
      case PROTO.GRE:
        return depth >= MAX_NESTING ? skip('not-tcp') : this.gre(payload, depth + 1);
      default:
        return skip('not-tcp');
    }
  }

  /** GRE version 0 (RFC 2784/2890) carrying IPv4 or IPv6; other payloads (PPP in PPTP) are not TCP for us. */
  private gre(b: Uint8Array, depth: number): Decoded {
    if (b.length < 4) return skip('malformed');
    const flags = u16be(b, 0);
    if ((flags & 0x7) !== 0) return skip('not-tcp');
    const type = u16be(b, 2);
    const o = 4 + (flags & 0x8000 ? 4 : 0) + (flags & 0x2000 ? 4 : 0) + (flags & 0x1000 ? 4 : 0);
    if (type === 0x0800) return this.ip(4, b.subarray(o), depth);
    if (type === 0x86dd) return this.ip(6, b.subarray(o), depth);
    return skip('not-tcp');
  }
}

function tcp(b: Uint8Array, payloadLen: number, src: string, dst: string): Decoded {
  if (b.length < 20) return skip('malformed');
  const headerLen = ((b[12] as number) >> 4) * 4;
  if (headerLen < 20 || headerLen > payloadLen) return skip('malformed');
  return {
    kind: 'tcp',
    packet: {
      src,
      dst,
      srcPort: u16be(b, 0),
      dstPort: u16be(b, 2),
      seq: u32be(b, 4),
      ack: u32be(b, 8),
      flags: b[13] as number,
      len: payloadLen - headerLen,
    },
  };
}
