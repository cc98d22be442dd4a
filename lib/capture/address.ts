// Addresses as text: IPv4 dotted quads, IPv6 in the RFC 5952 canonical form (lower case, the
// longest run of zero groups as "::"), and endpoints as the trace format writes them
// ("192.0.2.7:443", "[2001:db8::1]:443"). Pure.

export function ipv4Text(b: Uint8Array, o: number): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

export function ipv6Text(b: Uint8Array, o: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(((b[o + 2 * i] as number) << 8) | (b[o + 2 * i + 1] as number));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hexes = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hexes.join(':');
  return `${hexes.slice(0, bestStart).join(':')}::${hexes.slice(bestStart + bestLen).join(':')}`;
}

export function endpointText(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Parses "a.b.c.d:port" or "[v6]:port"; null when it is neither. */
export function parseEndpoint(text: string): { ip: Uint8Array; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/.exec(text);
  if (m === null) return null;
  const port = Number(m[3]);
  if (port > 65_535) return null;
  const ip = m[2] !== undefined ? parseIpv4(m[2]) : parseIpv6(m[1] as string);
  return ip === null ? null : { ip, port };
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.').map(Number);
  return parts.every((n) => n <= 255) ? Uint8Array.from(parts) : null;
}

function parseIpv6(whole: string): Uint8Array | null {
  // RFC 4291 2.2: the last 32 bits may be written as a dotted quad (::ffff:192.0.2.1).
  const quad = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(whole);
  const v4 = quad ? parseIpv4(quad[2] as string) : null;
  if (quad && v4 === null) return null;
  const text = quad && v4 ? `${quad[1]}${(((v4[0] as number) << 8) | (v4[1] as number)).toString(16)}:${(((v4[2] as number) << 8) | (v4[3] as number)).toString(16)}` : whole;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    const n = parseInt(g, 16);
    out[2 * i] = n >> 8;
    out[2 * i + 1] = n & 0xff;
  });
  return out;
}
