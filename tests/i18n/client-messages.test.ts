// The browser gets only the messages a page's scope names (app/_lib/i18n/client-scopes.ts). A
// client component that reads a namespace its page does not give shows the message key instead
// of text, so every page, layout and not-found file is checked here: what its client code reads
// (found by walking its imports) must be in the scope it declares, else in the layout's chrome.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCOPES, pickMessages, type ClientScope } from '@/app/_lib/i18n/client-scopes';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';
import { clientNeeds, covers, ROOT } from './client-graph';

/** Every file under app/[locale] that Next.js renders as a page, layout or not-found view. */
function routeFiles(dir = path.join(ROOT, 'app/[locale]')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|layout|not-found|error|loading|template)\.tsx$/.test(entry.name) ? [full] : [];
  });
}

function declaredScope(file: string): ClientScope {
  // A page wraps its output in <ClientMessages scope="..."> or is made by pageWithMessages('...', Content).
  const match = /<ClientMessages\s+scope="([\w-]+)"|pageWithMessages\('([\w-]+)'/.exec(fs.readFileSync(file, 'utf8'));
  const scope = (match?.[1] ?? match?.[2] ?? 'chrome') as ClientScope;
  if (!(scope in CLIENT_SCOPES)) throw new Error(`${path.relative(ROOT, file)} names an unknown scope "${scope}"`);
  return scope;
}

describe('messages sent to the browser', () => {
  const files = routeFiles();

  it('finds the pages and their client components', () => {
    expect(files.length).toBeGreaterThan(20);
    const lesson = clientNeeds(path.join(ROOT, 'app/[locale]/learn/[slug]/page.tsx'));
    expect([...lesson.namespaces.keys()]).toContain('trace');
  });

  it.each(files.map((file) => [path.relative(ROOT, file), file]))('%s: its client components read only what its scope gives', (_, file) => {
    const scope = declaredScope(file);
    const needs = clientNeeds(file);
    expect(needs.unnamed, 'useTranslations() without a literal namespace cannot be checked').toEqual([]);
    const missing = [...needs.namespaces].filter(([ns]) => !covers(CLIENT_SCOPES[scope], ns)).map(([ns, reader]) => `${ns} (read by ${reader})`);
    expect(missing, `add these to CLIENT_SCOPES.${scope} in app/_lib/i18n/client-scopes.ts`).toEqual([]);
  });

  it('names in every scope only namespaces the catalogs have, in both languages', () => {
    for (const [scope, namespaces] of Object.entries(CLIENT_SCOPES)) {
      for (const catalog of [en, zh]) {
        const picked = pickMessages(catalog, namespaces);
        for (const ns of namespaces) expect(ns.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], picked), `${scope}: ${ns}`).toBeTypeOf('object');
      }
    }
  });

  it('picks nested namespaces whole and leaves the rest behind', () => {
    const catalog = { a: { x: '1', y: { z: '2' } }, b: { c: { d: '3' }, e: '4' }, f: { g: '5' } };
    expect(pickMessages(catalog, ['a', 'b.c', 'missing', 'f.none'])).toEqual({ a: { x: '1', y: { z: '2' } }, b: { c: { d: '3' } } });
    expect(pickMessages(catalog, ['b.c', 'b.e'])).toEqual({ b: { c: { d: '3' }, e: '4' } });
    expect(pickMessages(catalog, [])).toEqual({});
  });
});
