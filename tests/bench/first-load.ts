// First-load JS: the gzip bytes of every script a page of the production build loads, for a
// lesson page against the smallest page of the same build (home, glossary, 404, each lesson and
// every other page of the build for the locale).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './server';

export interface PageJs {
  path: string;
  status: number;
  scripts: Array<{ src: string; gzip: number }>;
  gzip: number;
  /** The HTML document itself: bytes as served uncompressed, and gzipped. */
  html: { bytes: number; gzip: number };
}

export interface FirstLoadBench {
  lesson: PageJs;
  smallest: PageJs;
  pages: PageJs[];
  ratio: number;
}

/** Same page, every lesson slug of a locale, from content/lessons/<locale>/*.md. */
export function lessonSlugs(locale: string): string[] {
  return readdirSync(join(root, 'content', 'lessons', locale))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * The locale's pages with no parameter but the locale, from the build's app-paths-manifest.json
 * (pages render per request, for their CSP nonce, so the prerender manifest lists none).
 */
function appPagePaths(locale: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, '.next', 'server', 'app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .filter((route) => route.startsWith('/[locale]') && route.endsWith('/page'))
    .map((route) => route.slice('/[locale]'.length, -'/page'.length))
    .filter((rest) => !rest.includes('['))
    .map((rest) => `/${locale}${rest}`)
    .sort();
}

const gzipCache = new Map<string, number>();

/** gzip (zlib level 6, what `next start` compression uses) of a file under .next/static. */
function gzipBytes(src: string): number {
  const path = new URL(src, 'http://x').pathname;
  if (!path.startsWith('/_next/static/')) throw new Error(`script outside /_next/static: ${src}`);
  let size = gzipCache.get(path);
  if (size === undefined) {
    const file = join(root, '.next', 'static', decodeURIComponent(path.slice('/_next/static/'.length)));
    size = gzipSync(readFileSync(file), { level: 6 }).length;
    gzipCache.set(path, size);
  }
  return size;
}

/**
 * Every script the page loads: the `<script src>` tags (Next's own and the app's, except
 * `noModule` ones a modern browser skips), plus any /_next/static/**.js the HTML names elsewhere
 * (preload links, and the client-component chunk lists in the inlined RSC payload, which React
 * loads while hydrating even when there is no tag for them).
 */
export function scriptsOf(html: string): string[] {
  const pathOf = (src: string) => new URL(src.replace(/&amp;/g, '&'), 'http://x').pathname;
  const found = new Set<string>();
  const skipped = new Set<string>();
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    if (!src) continue;
    const path = pathOf(src[1] ?? src[2] ?? src[3] ?? '');
    if (/\snomodule\b/i.test(tag[0])) skipped.add(path);
    else found.add(path);
  }
  for (const m of html.matchAll(/\/_next\/static\/[^"'\\\s<>]+?\.js(?=[?"'\\\s<>])/g)) {
    if (!skipped.has(m[0])) found.add(m[0]);
  }
  return [...found];
}

async function measurePage(origin: string, path: string): Promise<PageJs> {
  const response = await fetch(origin + path);
  const html = await response.text();
  const scripts = scriptsOf(html).map((src) => ({ src, gzip: gzipBytes(src) }));
  const bytes = Buffer.from(html);
  return {
    path,
    status: response.status,
    scripts,
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    html: { bytes: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length },
  };
}

export async function benchFirstLoad(origin: string, lessonPath: string): Promise<FirstLoadBench> {
  const locale = lessonPath.split('/')[1] as string;
  const paths = [
    ...new Set([
      `/${locale}`,
      `/${locale}/glossary`,
      ...lessonSlugs(locale).map((slug) => `/${locale}/learn/${slug}`),
      ...appPagePaths(locale), // and any page added since (progress, sandbox, ...)
    ]),
    `/${locale}/no-such-page`, // the localized 404
  ];
  if (!paths.includes(lessonPath)) throw new Error(`${lessonPath} is not a lesson of the build`);
  const pages: PageJs[] = [];
  for (const path of paths) pages.push(await measurePage(origin, path));
  for (const page of pages) {
    const expected = page.path.endsWith('/no-such-page') ? 404 : 200;
    if (page.status !== expected) throw new Error(`${page.path} answered ${page.status}, expected ${expected}`);
    if (page.scripts.length === 0) throw new Error(`${page.path}: no scripts found in its HTML`);
  }
  const lesson = pages.find((p) => p.path === lessonPath) as PageJs;
  const smallest = pages.reduce((a, b) => (b.gzip < a.gzip ? b : a));
  return { lesson, smallest, pages, ratio: lesson.gzip / smallest.gzip };
}
