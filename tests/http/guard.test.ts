import { describe, expect, it } from 'vitest';
import { isValidPercentEncoding, MAX_PATH_LENGTH, refuseRequest } from '@/lib/http/request-guard';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';

describe('refuseRequest', () => {
  it.each(['/%E9', '/%zz', '/en/learn/%', '/%ff%fe', '/en/%C0%AF'])('%s is a 400 (not UTF-8 percent-encoding)', (path) => {
    expect(refuseRequest('GET', path)?.status).toBe(400);
  });
  it('lets well-formed paths through, escapes included', () => {
    for (const path of ['/', '/en/learn/three-way-handshake', '/zh/%E5%AD%A6', '/en/a%20b']) {
      expect(refuseRequest('GET', path)).toBeNull();
      expect(refuseRequest('HEAD', path)).toBeNull();
    }
  });
  it('refuses a path past MAX_PATH_LENGTH with 414, and one at it not', () => {
    expect(refuseRequest('GET', `/${'a'.repeat(5400)}`)?.status).toBe(414);
    expect(refuseRequest('GET', `/${'a'.repeat(MAX_PATH_LENGTH - 1)}`)).toBeNull();
  });
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s on a page is a 405 that says what is allowed', (method) => {
    const refusal = refuseRequest(method, '/en/learn/three-way-handshake');
    expect(refusal?.status).toBe(405);
    expect(refusal?.headers.Allow).toBe('GET, HEAD');
  });
  it('leaves the methods of /api/** to its route handlers, but still checks the URL', () => {
    expect(refuseRequest('POST', '/api/auth/sign-in')).toBeNull();
    expect(refuseRequest('DELETE', '/api')).toBeNull();
    expect(refuseRequest('POST', '/api/x/%zz')?.status).toBe(400);
    expect(refuseRequest('POST', '/apiary')?.status).toBe(405);
  });
  it('isValidPercentEncoding accepts plain text and rejects a lone %', () => {
    expect(isValidPercentEncoding('/abc')).toBe(true);
    expect(isValidPercentEncoding('/100%')).toBe(false);
  });
});

describe('security headers', () => {
  it('forbid framing and sniffing on every response', () => {
    const headers = securityHeaders({ hsts: false, dev: false });
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
  });
  it('send HSTS only when the operator says the site is HTTPS', () => {
    expect(securityHeaders({ hsts: true, dev: false })['Strict-Transport-Security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });
  it('allow inline script only with the nonce, and eval only in development', () => {
    const page = contentSecurityPolicy({ nonce: 'abc', dev: false });
    expect(page).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(page).not.toContain('unsafe-eval');
    expect(page).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy({ nonce: 'abc', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ dev: false })).toContain("script-src 'self';");
  });
  it('make a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
