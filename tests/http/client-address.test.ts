// The client's address for the sign-in rate limit: the peer's, or behind proxies the operator
// trusts, the first address in X-Forwarded-For (from the right) that no trusted proxy added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '@/lib/http/client-address';

describe('clientAddress', () => {
  it('with no trusted proxy, is the peer: X-Forwarded-For is whatever the client wrote', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.1', null)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, null)).toBe('203.0.113.9');
    expect(clientAddress(undefined, '10.0.0.1', null)).toBeNull();
  });

  it('behind trusted proxies, walks X-Forwarded-For from the right past each trusted hop', () => {
    const trusted = trustedProxies('10.0.0.0/8, 192.0.2.7, fd00::/8');
    // the load balancer (10.1.1.1) appended the client; the client's own entry on the left is ignored
    expect(clientAddress('10.1.1.1', '6.6.6.6, 198.51.100.4', trusted)).toBe('198.51.100.4');
    // two trusted hops
    expect(clientAddress('10.1.1.1', '198.51.100.4, 192.0.2.7', trusted)).toBe('198.51.100.4');
    // a connection not from a proxy is its own client, whatever it claims
    expect(clientAddress('198.51.100.99', '1.2.3.4', trusted)).toBe('198.51.100.99');
    // a trusted proxy with nothing (or garbage) before it: the proxy is all that is known
    expect(clientAddress('10.1.1.1', undefined, trusted)).toBe('10.1.1.1');
    expect(clientAddress('10.1.1.1', 'not-an-ip', trusted)).toBe('10.1.1.1');
    expect(clientAddress('fd00::1', '2001:db8::5', trusted)).toBe('2001:db8::5');
  });

  it('a client cannot pick its address by writing X-Forwarded-For', () => {
    const trusted = trustedProxies('10.0.0.0/8');
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), (forged, real) => {
        fc.pre(!real.startsWith('10.'));
        // the proxy appends the real peer to whatever the client sent
        expect(clientAddress('10.0.0.5', [...forged, real].join(', '), trusted)).toBe(real);
        expect(clientAddress(real, forged.join(', '), trusted)).toBe(real);
      }),
    );
  });

  it('refuses a trusted-proxy entry that is no address or range', () => {
    expect(trustedProxies(undefined)).toBeNull();
    expect(trustedProxies(' ')).toBeNull();
    expect(() => trustedProxies('10.0.0.0/8, proxy.local')).toThrow(/proxy\.local/);
    expect(() => trustedProxies('10.0.0.0/x')).toThrow(/10\.0\.0\.0\/x/);
  });
});
