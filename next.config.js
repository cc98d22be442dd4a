import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { withSerwist } from '@serwist/turbopack';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_server/i18n-request.ts');

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

/**
 * Every page under app/[locale] as a path pattern ('' for the home page, 'learn/[slug]',
 * 'assignments/[id]/edit'), so the proxy can tell an unknown URL without rendering it. The
 * catch-all [...rest] is the 404 itself, not a page.
 */
function pageRoutes(dir = './app/[locale]', prefix = []) {
  const routes = existsSync(`${dir}/page.tsx`) ? [prefix.join('/')] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || /^[_@]|^\[\.\.\./.test(entry.name) || entry.name.includes('.')) continue;
    routes.push(...pageRoutes(`${dir}/${entry.name}`, entry.name.startsWith('(') ? prefix : [...prefix, entry.name]));
  }
  return routes;
}

/** The lesson slugs of each language: learn/[slug] has no other pages (dynamicParams = false). */
function lessonSlugs() {
  const slugs = {};
  for (const locale of readdirSync('./content/lessons')) {
    slugs[locale] = readdirSync(`./content/lessons/${locale}`).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  }
  return slugs;
}

/**
 * The methods each API route exports ({ 'api/classes/[id]': ['GET'] }), read from its route.ts,
 * so the proxy answers any other method with a 405 that says what the route takes (Allow).
 */
function apiMethods(dir = './app/api', prefix = ['api']) {
  const table = {};
  if (existsSync(`${dir}/route.ts`)) {
    const source = readFileSync(`${dir}/route.ts`, 'utf8');
    const methods = [...source.matchAll(/^export (?:const|async function|function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((m) => m[1]);
    // A route whose exports are spelled otherwise is left to Next.js rather than refused every method.
    if (methods.length > 0) table[prefix.join('/')] = methods;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !/^[_@]/.test(entry.name)) Object.assign(table, apiMethods(`${dir}/${entry.name}`, entry.name.startsWith('(') ? prefix : [...prefix, entry.name]));
  }
  return table;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lessons are read from content/ at build time (and for unknown slugs at run time).
  outputFileTracingIncludes: { '/[locale]/**': ['./content/**/*'] },
  env: {
    SYNACK_LOCALIZED_ROUTES: [...localizedRoutes()].join(','),
    SYNACK_PAGE_ROUTES: JSON.stringify(pageRoutes()),
    SYNACK_LESSON_SLUGS: JSON.stringify(lessonSlugs()),
    SYNACK_API_METHODS: JSON.stringify(apiMethods()),
  },
};

// withSerwist keeps esbuild, which bundles the service worker, out of the server bundle.
export default withNextIntl(withSerwist(nextConfig));
