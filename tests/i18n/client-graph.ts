// Which next-intl namespaces each page's client components read, found by walking the imports
// from the page file: a file is client code when it says 'use client' or a client file imports
// it, and its `useTranslations('ns')` calls then run in the browser, against the messages the
// nearest NextIntlClientProvider was given (app/_lib/i18n/client-messages.tsx).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const USE_TRANSLATIONS = /useTranslations\(\s*([^)]*?)\s*\)/g;

/** The project file an import names, or null for a package. */
function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.(ts|tsx)$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface SourceFile {
  isClient: boolean;
  imports: string[];
  /** The namespaces of its useTranslations calls; a call without a literal one is `null`. */
  namespaces: Array<string | null>;
}

const cache = new Map<string, SourceFile>();
function read(file: string): SourceFile {
  let parsed = cache.get(file);
  if (parsed) return parsed;
  const text = fs.readFileSync(file, 'utf8');
  const imports: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[1]) continue; // `import type`: no code crosses
    const resolved = resolveImport(file, (m[2] ?? m[3]) as string);
    if (resolved) imports.push(resolved);
  }
  const namespaces = [...text.matchAll(USE_TRANSLATIONS)].map((m) => {
    const literal = /^['"]([\w.]+)['"]$/.exec(m[1] as string);
    return literal ? (literal[1] as string) : null;
  });
  parsed = { isClient: /^\s*['"]use client['"]/m.test(text.split('\n').slice(0, 5).join('\n')), imports, namespaces };
  cache.set(file, parsed);
  return parsed;
}

export interface ClientNeeds {
  /** Namespace -> one client file that reads it (for the failure message). */
  namespaces: Map<string, string>;
  /** Client files with a useTranslations call whose namespace is not a literal. */
  unnamed: string[];
}

/** The namespaces the client code reachable from `entry` reads; `stopAt` files are not entered. */
export function clientNeeds(entry: string, stopAt: (file: string) => boolean = () => false): ClientNeeds {
  const needs: ClientNeeds = { namespaces: new Map(), unnamed: [] };
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}|${inClient}`;
    if (seen.has(key) || stopAt(file)) return;
    seen.add(key);
    const source = read(file);
    const client = inClient || source.isClient;
    if (client) {
      for (const ns of source.namespaces) {
        if (ns === null) needs.unnamed.push(path.relative(ROOT, file));
        else if (!needs.namespaces.has(ns)) needs.namespaces.set(ns, path.relative(ROOT, file));
      }
    }
    for (const imported of source.imports) visit(imported, client);
  };
  visit(entry, false);
  return needs;
}

/** True when `namespace` is given by one of `scope`'s entries (itself or an enclosing one). */
export function covers(scope: readonly string[], namespace: string): boolean {
  return scope.some((given) => namespace === given || namespace.startsWith(`${given}.`));
}
