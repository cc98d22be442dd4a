// The Node-level hooks on a real http.Server: a response the proxy never sees (a redirect Next.js
// makes itself) still carries the security headers, headers set later replace them rather than
// doubling them, TRACE is a 405, and what Node's parser refuses is answered with them too.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hookHttpServers } from '@/lib/http/server-hooks';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  hookHttpServers({ hsts: false, trustedProxies: null });
  server = http.createServer((req, res) => {
    if (req.url === '/redirect') {
      // What Next.js does for `//evil.com` or `/en/`: a bare 308, no proxy involved.
      res.statusCode = 308;
      res.setHeader('Location', '/evil.com');
      res.end('/evil.com');
      return;
    }
    if (req.url === '/whoami') {
      res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
      return;
    }
    // What the proxy does for a page: its own, nonced policy.
    res.setHeader('Content-Security-Policy', "script-src 'nonce-abc'; frame-ancestors 'none'");
    res.end('page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(method: string, path: string): Promise<{ status: number; raw: string[]; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, raw: res.rawHeaders, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const count = (raw: string[], name: string) => raw.filter((h, i) => i % 2 === 0 && h.toLowerCase() === name).length;

describe('hookHttpServers', () => {
  it('tells the app the connection\'s address, whatever the client claims in its headers', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/whoami', headers: { 'x-forwarded-for': '10.0.0.1', [CLIENT_ADDRESS_HEADER]: '10.0.0.2' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body).toBe('127.0.0.1');
  });

  it('puts the security headers on a response made without them', async () => {
    const answer = await get('GET', '/redirect');
    expect(answer.status).toBe(308);
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBeTruthy();
    expect(answer.headers['permissions-policy']).toBeTruthy();
  });

  it('lets a later policy replace the baseline, sent once', async () => {
    const answer = await get('GET', '/page');
    expect(count(answer.raw, 'content-security-policy')).toBe(1);
    expect(answer.headers['content-security-policy']).toContain("'nonce-abc'");
    expect(count(answer.raw, 'x-content-type-options')).toBe(1);
  });

  it('answers TRACE with a 405 before the handler', async () => {
    const answer = await get('TRACE', '/page');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

/** Sends raw bytes and reads the whole answer until the server closes the socket. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('a request Node cannot parse', () => {
  it.each([
    ['headers past 16 KB', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, '431 Request Header Fields Too Large'],
    ['an unknown method', 'TRACK / HTTP/1.1\r\nHost: x\r\n\r\n', '400 Bad Request'],
    ['not HTTP at all', '\u0000\u0001garbage\r\n\r\n', '400 Bad Request'],
  ])('%s: the status Node gives, with the security headers, and the socket closed', async (_, bytes, status) => {
    const answer = await raw(bytes);
    expect(answer.split('\r\n')[0]).toBe(`HTTP/1.1 ${status}`);
    expect(answer).toMatch(/\r\nContent-Security-Policy: [^\r]*frame-ancestors 'none'/);
    expect(answer).toContain('\r\nX-Content-Type-Options: nosniff\r\n');
    expect(answer).toContain('\r\nConnection: close\r\n');
  });

  it('a good request on the same server still works afterwards', async () => {
    await raw('TRACK / HTTP/1.1\r\n\r\n');
    expect((await get('GET', '/page')).status).toBe(200);
  });
});
