// What a check from outside sees of the production server: security headers on every kind of
// response, 4xx (never 500) for bad URLs and methods, no internal host in any header, and no
// shared caching of pages whose language depends on the visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, type AppServer } from './server';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: fetch would refuse TRACE and tidy the path. */
function request(base: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: target, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every API route as the app folder has it: '/api/classes/[id]'. */
function apiRoutes(dir = path.join(import.meta.dirname, '../../app/api'), prefix = '/api'): string[] {
  const here = fs.existsSync(path.join(dir, 'route.ts')) ? [prefix] : [];
  const below = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return [...here, ...below.flatMap((entry) => apiRoutes(path.join(dir, entry.name), `${prefix}/${entry.name}`))];
}

/** The first path segments of the localized pages, as the app folder has them. */
function localizedRoutes(): string[] {
  const dir = path.join(import.meta.dirname, '../../app/[locale]');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[_[@(]/.test(entry.name) && !entry.name.includes('.'))
    .map((entry) => entry.name);
}

function expectSecurityHeaders(answer: Answer, where: string) {
  const csp = String(answer.headers['content-security-policy'] ?? '');
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(answer.headers['x-content-type-options'], where).toBe('nosniff');
  expect(answer.headers['referrer-policy'], where).toBeTruthy();
  expect(answer.headers['permissions-policy'], where).toBeTruthy();
}

function expectNoInternalHost(answer: Answer, base: string, where: string) {
  const port = new URL(base).port;
  for (const [name, value] of Object.entries(answer.headers)) {
    expect(name, where).not.toMatch(/^x-middleware/);
    if (name === 'link') continue; // hreflang links name the host the visitor asked for
    expect(String(value), `${where}: ${name}`).not.toContain(`:${port}`);
  }
}

let app: AppServer;
beforeAll(async () => {
  app = await startApp();
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

describe('security headers', () => {
  it('are on pages, static files, the icon, 404s and refusals', async () => {
    const home = await request(app.baseUrl, 'GET', '/en');
    const chunk = /\/_next\/static\/[^"]+\.js/.exec(home.body)?.[0];
    expect(chunk).toBeTruthy();
    for (const target of ['/en', '/zh/learn/three-way-handshake', chunk as string, '/icon.svg', '/en/no-such-page', '/_next/static/none.js', '/%zz']) {
      const answer = await request(app.baseUrl, 'GET', target);
      expectSecurityHeaders(answer, target);
      expect(answer.headers['strict-transport-security'], target).toBeUndefined();
    }
  });

  it("are on the redirects Next.js makes itself, ahead of the proxy, and those stay on this site", async () => {
    for (const [target, location] of [['/en/', '/en'], ['/sandbox/', '/sandbox'], ['//evil.com', '/evil.com'], ['/\\evil.com', '/evil.com'], ['/en/learn/%2e', '/en/learn']] as const) {
      const answer = await request(app.baseUrl, 'GET', target);
      expect(answer.status, target).toBe(308);
      expect(answer.headers.location, target).toBe(location);
      expectSecurityHeaders(answer, target);
      expectNoInternalHost(answer, app.baseUrl, target);
    }
  });

  it('give the theme script and every inline script of a page the response nonce, and nothing else', async () => {
    const page = await request(app.baseUrl, 'GET', '/en/learn/three-way-handshake');
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(page.body).toContain('synack:theme');
    const again = await request(app.baseUrl, 'GET', '/en/learn/three-way-handshake');
    expect(again.headers['content-security-policy']).not.toBe(page.headers['content-security-policy']);
  });
});

describe('bad URLs and methods', () => {
  it.each(['/%E9', '/%zz', '/en/learn/%', '/%ff%fe', '/en/%E9'])('%s is a 400', async (target) => {
    const answer = await request(app.baseUrl, 'GET', target);
    expect(answer.status).toBe(400);
    expectNoInternalHost(answer, app.baseUrl, target);
  });

  it('a 5,400-character path is a 414', async () => {
    const target = `/${'a'.repeat(5400)}`;
    expect((await request(app.baseUrl, 'GET', target)).status).toBe(414);
    expect((await request(app.baseUrl, 'GET', `/en${target}`)).status).toBe(414);
  });

  it("a path past Node's 16 KB header limit is a 431 from Node itself, with the security headers", async () => {
    const answer = await request(app.baseUrl, 'GET', `/${'a'.repeat(20_000)}`);
    expect(answer.status).toBe(431);
    expectSecurityHeaders(answer, '20,000-character path');
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE']) {
    it(`${method} on pages and static files is a 405 with Allow`, async () => {
      for (const target of ['/en', '/en/learn/three-way-handshake', '/sandbox', '/icon.svg']) {
        const answer = await request(app.baseUrl, method, target);
        expect(answer.status, `${method} ${target}`).toBe(405);
        expect(answer.headers.allow).toBe('GET, HEAD');
        expectSecurityHeaders(answer, `${method} ${target}`);
      }
    });
  }

  it('a method an API route does not take is a 405 whose Allow lists what the route answers OPTIONS with', async () => {
    const routes = apiRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/api/health', '/api/classes/[id]/students/[studentId]', '/api/auth/[...all]']));
    for (const route of routes) {
      const target = route.replace(/\[\.\.\.[^\]]+\]/, 'sign-in/email').replace(/\[[^\]]+\]/g, '0b5d6f3e-8c1a-4d2b-9e7f-1a2b3c4d5e6f');
      const options = await request(app.baseUrl, 'OPTIONS', target);
      expect(options.status, target).toBe(204);
      const allow = String(options.headers.allow);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !allow.split(', ').includes(m))) {
        // Same-origin, as the site's own pages would send it: the cross-site check comes first.
        const answer = await request(app.baseUrl, method, target, { Origin: new URL(app.baseUrl).origin });
        expect({ target, method, status: answer.status, allow: answer.headers.allow }).toEqual({ target, method, status: 405, allow });
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'methodNotAllowed' });
        expectSecurityHeaders(answer, `${method} ${target}`);
      }
    }
  });

  it('a state-changing API request another site makes the browser send is a 403, and changes nothing', async () => {
    const json = { 'Content-Type': 'application/json' };
    const account = JSON.stringify({ name: 'Forged', email: `forged-${Date.now()}@example.com`, password: 'a-long-password-1' });
    const forged = await request(app.baseUrl, 'POST', '/api/auth/sign-up/email', { ...json, Origin: 'http://evil.example' }, account);
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toMatchObject({ code: 'crossSiteRequest' });
    expectSecurityHeaders(forged, 'forged sign-up');
    // The account was not made: signing in with it (as a script would, no Origin) fails.
    const signIn = await request(app.baseUrl, 'POST', '/api/auth/sign-in/email', json, JSON.stringify({ email: JSON.parse(account).email, password: 'a-long-password-1' }));
    expect(signIn.status).toBe(401);
    expect((await request(app.baseUrl, 'POST', '/api/classes', { ...json, 'Sec-Fetch-Site': 'cross-site' }, '{"name":"x"}')).status).toBe(403);
    expect((await request(app.baseUrl, 'DELETE', '/api/assignments/x', { Origin: 'null' })).status).toBe(403);
    // From the site's own pages the request reaches its handler (which wants a session here).
    const own = new URL(app.baseUrl).origin;
    expect((await request(app.baseUrl, 'POST', '/api/classes', { ...json, Origin: own, 'Sec-Fetch-Site': 'same-origin' }, '{"name":"x"}')).status).toBe(401);
    expect((await request(app.baseUrl, 'GET', '/api/health', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(200);
  });

  it('a join link sends a visitor to sign in with the link itself, its code encoded once', async () => {
    const answer = await request(app.baseUrl, 'GET', '/en/classes/join/AB%3Ccd%3E');
    expect(answer.status).toBe(307);
    const next = new URL(String(answer.headers.location), app.baseUrl).searchParams.get('next');
    expect(next).toBe('/classes/join/AB%3Ccd%3E');
  });

  it('a bad or unsatisfiable Range on a static file gets the whole file, never a 500', async () => {
    const script = /\/_next\/static\/chunks\/[^"]+\.js/.exec((await request(app.baseUrl, 'GET', '/en')).body)?.[0];
    expect(script).toBeTruthy();
    for (const file of ['/icons/icon-192.png', script!]) {
      const whole = await request(app.baseUrl, 'GET', file);
      expect(whole.status, file).toBe(200);
      for (const range of ['bytes=999999-', 'bytes=abc', 'bytes=5-2', 'bytes=-0', 'bytes=0-1']) {
        const answer = await request(app.baseUrl, 'GET', file, { Range: range });
        expect(answer.status, `${file} ${range}`).toBe(200);
        expect(answer.body, `${file} ${range}`).toBe(whole.body);
        expectSecurityHeaders(answer, `${file} Range: ${range}`);
      }
    }
  });

  it('HEAD on a page is answered like GET, without a body', async () => {
    const answer = await request(app.baseUrl, 'HEAD', '/en');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
  });
});

describe('language and caching', () => {
  const routes = ['', ...localizedRoutes().map((route) => `/${route}`)];

  it('knows every page folder of the app', () => {
    expect(routes).toEqual(expect.arrayContaining(['', '/learn', '/glossary', '/practice', '/progress', '/sandbox']));
  });

  for (const route of routes) {
    it(`unprefixed ${route || '/'} redirects to the visitor's language, privately`, async () => {
      const target = route === '/learn' ? '/learn/three-way-handshake' : route || '/';
      const zh = await request(app.baseUrl, 'GET', `${target}?x=1`, { 'accept-language': 'zh-CN,zh;q=0.9' });
      expect(zh.status).toBe(307);
      expect(zh.headers.location).toBe(`/zh${target === '/' ? '' : target}?x=1`);
      expect(zh.headers['cache-control']).toMatch(/no-store|private/);
      expect(zh.headers['cache-control']).toMatch(/private|no-store/);
      expectNoInternalHost(zh, app.baseUrl, target);
      const cookie = await request(app.baseUrl, 'GET', target, { 'accept-language': 'zh-CN', cookie: 'NEXT_LOCALE=en' });
      expect(cookie.headers.location).toBe(`/en${target === '/' ? '' : target}`);
    });
  }

  it('pages are never cached by a shared cache, and remember the language in a cookie', async () => {
    for (const target of ['/en', '/zh/sandbox', '/en/progress', '/zh/learn/three-way-handshake', '/en/practice?q=ack.handshake.1.b']) {
      const answer = await request(app.baseUrl, 'GET', target);
      expect(answer.status, target).toBe(200);
      expect(answer.headers['cache-control'], target).not.toMatch(/s-maxage|public/);
      expectNoInternalHost(answer, app.baseUrl, target);
    }
    const zh = await request(app.baseUrl, 'GET', '/zh', { cookie: 'NEXT_LOCALE=en' });
    expect(String(zh.headers['set-cookie'])).toMatch(/NEXT_LOCALE=zh/);
  });

  it('an unknown first segment is the 404 in place, not a redirect', async () => {
    const answer = await request(app.baseUrl, 'GET', '/fr/learn/three-way-handshake');
    expect(answer.status).toBe(404);
    expectNoInternalHost(answer, app.baseUrl, '/fr/...');
  });
});

describe('404 pages', () => {
  // Next.js serves a notFound() thrown while rendering as an empty `__next_error__` shell that only
  // JavaScript fills (vercel/next.js#62228): every URL the proxy can tell is no page must come
  // back as the localized 404 page itself, with the header, in the HTML.
  for (const [target, lang, title] of [
    ['/en/nothing/here', 'en', 'Page not found'],
    ['/zh/x/y', 'zh', '页面不存在'],
    ['/en/learn/no-such-lesson', 'en', 'Page not found'],
    ['/zh/learn/no-such-lesson', 'zh', '页面不存在'],
    ['/en/practice/extra', 'en', 'Page not found'],
    ['/zh/assignments/not-an-id', 'zh', '页面不存在'],
    ['/en/classes/123/edit', 'en', 'Page not found'],
  ] as const) {
    it(`${target} is a 404 rendered in the HTML, in ${lang}, with the header`, async () => {
      const answer = await request(app.baseUrl, 'GET', target);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('__next_error__');
      expect(answer.body).toContain(`<html lang="${lang}"`);
      expect(answer.body).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
      expect(answer.body).toMatch(/<header[^>]*>/);
      expect(answer.body).toContain('<meta name="robots" content="noindex"');
      expectSecurityHeaders(answer, target);
      expectNoInternalHost(answer, app.baseUrl, target);
      expect(answer.headers['cache-control'], target).not.toMatch(/s-maxage|public/);
    });
  }

  it('an unknown language prefix answers in the visitor\'s language, never cached', async () => {
    const zh = await request(app.baseUrl, 'GET', '/fr/learn/three-way-handshake', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.status).toBe(404);
    expect(zh.body).toContain('<html lang="zh"');
    expect(zh.body).toMatch(/<h1[^>]*>页面不存在<\/h1>/);
    expect(zh.headers['cache-control']).toMatch(/no-store|private/);
    const en = await request(app.baseUrl, 'GET', '/fr/learn/three-way-handshake', { 'accept-language': 'en-US' });
    expect(en.body).toContain('<html lang="en"');
  });

  it('the folder of the lessons sends the reader to their list, the home page, for good', async () => {
    for (const locale of ['en', 'zh']) {
      const answer = await request(app.baseUrl, 'GET', `/${locale}/learn`);
      expect(answer.status).toBe(308);
      expect(answer.headers.location).toBe(`/${locale}`);
      expectSecurityHeaders(answer, `/${locale}/learn`);
      expectNoInternalHost(answer, app.baseUrl, `/${locale}/learn`);
    }
  });

  it('every page of the app is still a 200', async () => {
    for (const target of ['/en', '/zh/learn/edge-cases', '/en/practice', '/zh/revise/sheet', '/en/classes', '/en/sign-in', '/en/offline', '/zh/manifest.webmanifest']) {
      expect((await request(app.baseUrl, 'GET', target)).status, target).toBe(200);
    }
  });
});

describe('lists in Chinese', () => {
  it('lesson cards join prerequisites with 、 and 和, never ", "', async () => {
    const zh = await request(app.baseUrl, 'GET', '/zh');
    // The HTML's own text (the React payload in <script> repeats it, escaped).
    const lines = [...zh.body.matchAll(/>先学：([^<"\\]*)</g)].map((m) => m[1] as string);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).not.toContain(', ');
    expect(lines.some((line) => /^[^、和]+、[^、和]+和[^、和]+$/.test(line))).toBe(true);
    const en = await request(app.baseUrl, 'GET', '/en');
    expect(en.body).toMatch(/Before this: [^<,]+, [^<,]+, and [^<,]+</);
  });
});

describe('share links', () => {
  it('a link of thousands of questions renders only the first MAX_SET_SIZE', async () => {
    const specs = Array.from({ length: 400 }, (_, i) => `ack.handshake.${i}.b`);
    const answer = await request(app.baseUrl, 'GET', `/en/practice?q=${specs.join('~')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.includes('>Question 1 of 50<')).toBe(true);
  });
  it('a link naming one question 80 times is one question, and says the 79 repeats were dropped (en and zh)', async () => {
    const q = Array.from({ length: 80 }, () => 'state.handshake.1.b').join('~');
    const en = await request(app.baseUrl, 'GET', `/en/practice?q=${q}`);
    expect(en.body).toContain('>Question 1 of 1<');
    expect(en.body).toContain('79 questions of this link repeated one already in it and were dropped.');
    const zh = await request(app.baseUrl, 'GET', `/zh/practice?q=${q}`);
    expect(zh.body).toContain('这个链接里有 79 道题与前面的题重复，已去掉。');
  });
});

describe('HSTS', () => {
  it('is sent when SYNACK_HSTS=1', async () => {
    process.env.SYNACK_HSTS = '1';
    const secure = await startApp();
    try {
      for (const target of ['/en', '/icon.svg', '/%zz']) {
        const answer = await request(secure.baseUrl, 'GET', target);
        expect(answer.headers['strict-transport-security'], target).toMatch(/max-age=\d+/);
      }
      const trace = await request(secure.baseUrl, 'TRACE', '/en');
      expect(trace.status).toBe(405);
    } finally {
      delete process.env.SYNACK_HSTS;
      await secure.stop();
    }
  });
});
