import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type RequestOrigin } from '@/lib/http/cross-site';

const own: RequestOrigin = { method: 'POST', fetchSite: 'same-origin', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', publicOrigin: null };

describe('crossSiteRefusal', () => {
  it("lets the site's own pages change things", () => {
    expect(crossSiteRefusal(own)).toBeNull();
    expect(crossSiteRefusal({ ...own, fetchSite: null })).toBeNull(); // an older browser: Origin only
    expect(crossSiteRefusal({ ...own, origin: null })).toBeNull(); // Sec-Fetch-Site only
  });
  it('refuses a state-changing request another site makes the browser send', () => {
    expect(crossSiteRefusal({ ...own, fetchSite: 'cross-site', origin: 'http://evil.example' })).toMatch(/cross-site/);
    expect(crossSiteRefusal({ ...own, fetchSite: 'same-site', origin: 'http://other.127.0.0.1:3000' })).toMatch(/cross-site/);
    expect(crossSiteRefusal({ ...own, fetchSite: null, origin: 'http://evil.example' })).toMatch(/Origin/);
    expect(crossSiteRefusal({ ...own, fetchSite: null, origin: 'null' })).toMatch(/Origin/);
    expect(crossSiteRefusal({ ...own, fetchSite: null, origin: 'http://127.0.0.1:3001' })).toMatch(/Origin/); // another port is another origin's host
  });
  it('refuses whatever the method is called, unless it changes nothing', () => {
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(crossSiteRefusal({ ...own, method, fetchSite: 'cross-site' })).not.toBeNull();
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(crossSiteRefusal({ ...own, method, fetchSite: 'cross-site', origin: 'http://evil.example' })).toBeNull();
  });
  it('lets a request with neither header through: no browser, so no one else\'s cookies', () => {
    expect(crossSiteRefusal({ ...own, fetchSite: null, origin: null })).toBeNull();
  });
  it('takes the public origin behind a TLS proxy, where the scheme or host differs', () => {
    const behindProxy = { ...own, fetchSite: null, origin: 'https://quiz.example.edu', host: 'app-1:3000' };
    expect(crossSiteRefusal(behindProxy)).not.toBeNull();
    expect(crossSiteRefusal({ ...behindProxy, publicOrigin: 'https://quiz.example.edu/' })).toBeNull();
    // Same host, https outside and http inside: still this site.
    expect(crossSiteRefusal({ ...own, fetchSite: null, origin: 'https://127.0.0.1:3000' })).toBeNull();
  });
  it('never lets an Origin of another host through, whatever it looks like', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.domain(), (url, host) => {
        fc.pre(new URL(url).host !== host);
        expect(crossSiteRefusal({ ...own, fetchSite: null, origin: new URL(url).origin, host })).not.toBeNull();
      }),
    );
  });
});
