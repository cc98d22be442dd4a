// Serves the service worker at /serwist/sw.js, bundled at build time by @serwist/turbopack with
// the list of files to precache (the app's static chunks and public/, and the offline pages).
import { createSerwistRoute } from '@serwist/turbopack';

// The route is static: this runs once per build, so each build fetches the offline pages anew.
const revision = crypto.randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/_workers/service-worker/sw.ts',
  // esbuild already comes with tsx; the wasm build would be a second copy.
  useNativeEsbuild: true,
  additionalPrecacheEntries: [
    { url: '/en/offline', revision },
    { url: '/zh/offline', revision },
  ],
});
