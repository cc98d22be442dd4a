// Link layers: from a frame's first byte to the IP header inside it. Each link type the reader
// knows says where the IP packet starts and which version it is; everything else (ARP, LLDP, a
// link type we do not read) is reported as such, not guessed at. Pure.
import { u16be, u32be, u32le } from './bytes';

export type LinkResult =
  | { kind: 'ip'; version: 4 | 6; offset: number }
  | { kind: 'not-ip' }
  | { kind: 'unsupported' };

export const LINK_TYPE_NAMES: Record<number, string> = {
  0: 'BSD loopback (NULL)',
  1: 'Ethernet',
  12: 'raw IP',
  14: 'raw IP',
  101: 'raw IP',
  108: 'OpenBSD loopback',
  113: 'Linux cooked (SLL)',
  228: 'raw IPv4',
  229: 'raw IPv6',
  276: 'Linux cooked v2 (SLL2)',
};

export function isSupportedLinkType(linkType: number): boolean {
  return linkType in LINK_TYPE_NAMES;
}

/** Where the IP packet of a frame starts. */
export function findIp(linkType: number, b: Uint8Array): LinkResult {
  switch (linkType) {
    case 1:
      return b.length < 14 ? { kind: 'not-ip' } : ethertype(b, 14, u16be(b, 12));
    case 113:
      return b.length < 16 ? { kind: 'not-ip' } : ethertype(b, 16, u16be(b, 14));
    case 276:
      return b.length < 20 ? { kind: 'not-ip' } : ethertype(b, 20, u16be(b, 0));
    // 12 and 14 are DLT_RAW on some systems (14 on OpenBSD); files written there carry them, and
    // Wireshark reads both as raw IP.
    case 12:
    case 14:
    case 101:
      return byVersion(b, 0);
    case 228:
      return { kind: 'ip', version: 4, offset: 0 };
    case 229:
      return { kind: 'ip', version: 6, offset: 0 };
    case 0:
      // The address family is in the byte order of the machine that captured, which the file
      // does not say: try both. IPv6 has a different number on each BSD (24, 28, 30) and Linux (10).
      return b.length < 4 ? { kind: 'not-ip' } : addressFamily(b, Math.min(u32le(b, 0), u32be(b, 0)));
    case 108:
      return b.length < 4 ? { kind: 'not-ip' } : addressFamily(b, u32be(b, 0));
    default:
      return { kind: 'unsupported' };
  }
}

function addressFamily(b: Uint8Array, af: number): LinkResult {
  if (af === 2) return { kind: 'ip', version: 4, offset: 4 };
  if (af === 10 || af === 24 || af === 28 || af === 30) return { kind: 'ip', version: 6, offset: 4 };
  return byVersion(b, 4);
}

function byVersion(b: Uint8Array, offset: number): LinkResult {
  if (b.length <= offset) return { kind: 'not-ip' };
  const version = (b[offset] as number) >> 4;
  return version === 4 || version === 6 ? { kind: 'ip', version, offset } : { kind: 'not-ip' };
}

const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100, 0x9200]);

/** Follows an EtherType through VLAN tags (802.1Q, QinQ), LLC/SNAP and MPLS labels to IP. */
function ethertype(b: Uint8Array, offset: number, type: number): LinkResult {
  let o = offset;
  let t = type;
  for (;;) {
    if (VLAN_TAGS.has(t)) {
      if (b.length < o + 4) return { kind: 'not-ip' };
      t = u16be(b, o + 2);
      o += 4;
    } else if (t <= 1500) {
      // An 802.3 length field: IP appears only behind an LLC/SNAP header.
      if (b.length < o + 8 || b[o] !== 0xaa || b[o + 1] !== 0xaa || b[o + 2] !== 0x03) return { kind: 'not-ip' };
      t = u16be(b, o + 6);
      o += 8;
    } else if (t === 0x8847 || t === 0x8848) {
      // MPLS: pop labels to the bottom of the stack; the payload's first nibble is its version.
      while (b.length >= o + 4 && ((b[o + 2] as number) & 1) === 0) o += 4;
      return b.length < o + 4 ? { kind: 'not-ip' } : byVersion(b, o + 4);
    } else if (t === 0x0800) return { kind: 'ip', version: 4, offset: o };
    else if (t === 0x86dd) return { kind: 'ip', version: 6, offset: o };
    else return { kind: 'not-ip' };
  }
}
