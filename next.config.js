import { readdirSync } from 'node:fs';
import { withSerwist } from '@serwist/turbopack';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_lib/i18n/request.ts');

/**
 * The first path segments of the pages under app/[locale] ('' for the home page), so the proxy
 * knows which unprefixed paths to send to the visitor's language. Route groups `(x)` are looked
 * into; private `_x`, dynamic `[x]` and parallel `@x` folders are not first segments.
 */
function localizedRoutes(dir = './app/[locale]') {
  const routes = new Set(['']);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // A folder with an extension is a metadata file route (manifest.webmanifest), not a page.
    if (!entry.isDirectory() || /^[_[@]/.test(entry.name) || entry.name.includes('.')) continue;
    if (entry.name.startsWith('(')) for (const route of localizedRoutes(`${dir}/${entry.name}`)) routes.add(route);
    else routes.add(entry.name);
  }
  return routes;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lessons are read from content/ at build time (and for unknown slugs at run time).
  outputFileTracingIncludes: { '/[locale]/**': ['./content/**/*'] },
  env: { SYNACK_LOCALIZED_ROUTES: [...localizedRoutes()].join(',') },
};

// withSerwist keeps esbuild, which bundles the service worker, out of the server bundle.
export default withNextIntl(withSerwist(nextConfig));
