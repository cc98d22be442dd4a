// The service worker (Serwist): the app's scripts and styles are precached when it installs, and
// every page is kept when visited (but those rendered for a signed-in session), so lessons, practice, review and mock exams work offline once
// seen (they grade in the browser and keep their state in localStorage). Bundled by esbuild through
// @serwist/turbopack (app/serwist/[path]/route.ts), not by Next.
import { defaultCache, PAGES_CACHE_NAME } from '@serwist/turbopack/worker';
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

// Pages a learner visited stay for a month, not Serwist's default day: revision happens on trains.
const KEPT = new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60, maxAgeFrom: 'last-used' });
// A slow network falls back to the kept page after three seconds.
const pages = new NetworkFirst({ cacheName: PAGES_CACHE_NAME.html, networkTimeoutSeconds: 3, plugins: [KEPT] });
const rsc = new NetworkFirst({ cacheName: PAGES_CACHE_NAME.rsc, networkTimeoutSeconds: 3, plugins: [KEPT] });

/**
 * Pages the server renders for the signed-in session (a class, an assignment and its gradebook, the
 * account forms) are never kept: offline after signing out on a shared computer, they would show
 * the names and scores of the one who left. Offline they get the offline page.
 */
// The first segment is the language, whichever it is.
const SESSION_PAGE = /^\/[^/]+\/(?:classes|assignments|sign-in|sign-up|sign-out)(?:\/|$)/;

/** Forgets the session pages an earlier version of this worker kept. */
async function forgetSessionPages(): Promise<void> {
  for (const name of [PAGES_CACHE_NAME.html, PAGES_CACHE_NAME.rsc]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) if (SESSION_PAGE.test(new URL(request.url).pathname)) await cache.delete(request);
  }
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    { matcher: ({ sameOrigin, url }) => sameOrigin && SESSION_PAGE.test(url.pathname), handler: new NetworkOnly() },
    { matcher: ({ request, sameOrigin, url }) => sameOrigin && request.mode === 'navigate' && !url.pathname.startsWith('/api/'), handler: pages },
    { matcher: ({ request, sameOrigin, url }) => sameOrigin && request.headers.get('RSC') === '1' && !url.pathname.startsWith('/api/'), handler: rsc },
    ...defaultCache,
  ],
  fallbacks: {
    // A page never visited, asked for offline: the offline page in the language of its URL.
    entries: [
      { url: '/zh/offline', matcher: ({ request }) => request.destination === 'document' && new URL(request.url).pathname.startsWith('/zh') },
      { url: '/en/offline', matcher: ({ request }) => request.destination === 'document' },
    ],
  },
});

// A Web Worker's script (the capture reader) is left to the browser. Turbopack starts a worker
// from its bootstrap script with the chunks to load in the URL's #fragment; a response from
// here carries the URL without it, so a page this worker controls got "Missing worker
// bootstrap config" instead of a capture reader. Registered before Serwist's listener, so it
// runs first; the script is an immutable chunk the HTTP cache keeps for offline visits.
self.addEventListener('fetch', (event) => {
  if (event.request.destination === 'worker') event.stopImmediatePropagation();
});

self.addEventListener('activate', (event) => event.waitUntil(forgetSessionPages()));

serwist.addEventListeners();
