// Who is asking, for the sign-in rate limit: the address the TCP connection came from, never a
// header the client wrote. Behind a reverse proxy every connection comes from the proxy, so an
// operator names the proxies (SYNACK_TRUSTED_PROXIES); then X-Forwarded-For is walked from the
// right, past each trusted hop, to the first address no trusted proxy vouches for. Node-only.
import { BlockList, isIP } from 'node:net';

/** Set by the server hook on every request (any value the client sent is dropped first). */
export const CLIENT_ADDRESS_HEADER = 'x-synack-client-address';

/** An IPv4 client on a dual-stack socket reads ::ffff:192.0.2.1: the same client as 192.0.2.1. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] as string) : address;
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/**
 * The trusted proxies from a comma-separated list of addresses and CIDR ranges
 * ("10.0.0.0/8, 192.0.2.7, fd00::/8"), or null when none is set. Throws on an entry that is
 * neither, so a typo stops the server instead of trusting the wrong hops.
 */
export function trustedProxies(spec: string | undefined): BlockList | null {
  const entries = (spec ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    if (isIP(address) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`SYNACK_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address or CIDR range`);
    }
    if (bits === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(bits), family(address));
  }
  return list;
}

/** The client's address, from the connection's peer and the X-Forwarded-For it carried. Pure. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string | null {
  if (!peer || isIP(plain(peer)) === 0) return null;
  let address = plain(peer);
  if (!trusted) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((h) => plain(h.trim())).filter(Boolean);
  while (trusted.check(address, family(address))) {
    const next = hops.pop();
    // Past the last hop, or a hop that is no address: the last trusted proxy is all we know.
    if (next === undefined || isIP(next) === 0) return address;
    address = next;
  }
  return address;
}
