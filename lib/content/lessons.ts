import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import { ContentError, describeZodError } from './errors';
import { renderGlossaryDefinition, renderLessonMarkdown, tocHtml, type Heading } from './markdown';
import { frontMatterSchema, glossarySchema, navSchema, slugSchema, type FrontMatter, type Nav } from './schema';
import type { TraceView } from '@/lib/engine';
import { buildQuizView, buildTraceView, type QuizView } from './trace-view';

// Server-only: reads content/ with node:fs (a client import fails the build, which is the point).

export type LessonPart =
  | { type: 'html'; html: string }
  | { type: 'trace'; id: string; view: TraceView }
  | { type: 'quiz'; id: string; quiz: QuizView };

export interface LessonMeta extends FrontMatter {
  slug: string;
  locale: Locale;
}

export interface Lesson extends LessonMeta {
  parts: LessonPart[];
  headings: Heading[];
  /** The headings as the `<li>` items of a table of contents (sanitized HTML). */
  tocHtml: string;
}

export interface LessonLink {
  slug: string;
  title: string;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Sanitized HTML. */
  html: string;
  /** Slugs of the lessons that teach the term. */
  lessons: string[];
}

export interface PathSection {
  id: string;
  title: string;
  lessons: LessonMeta[];
}

export function contentRoot(): string {
  return process.env.SYNACK_CONTENT_DIR ?? path.join(process.cwd(), 'content');
}

/** Memoizes per file and modification time: pages ask for the same lesson several times per build. */
const memo = new Map<string, { mtimeMs: number; value: unknown }>();
function cached<T>(kind: string, file: string, load: (text: string) => T): T {
  const key = `${kind}:${file}`;
  const { mtimeMs } = fs.statSync(file);
  const hit = memo.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
  const value = load(fs.readFileSync(file, 'utf8'));
  memo.set(key, { mtimeMs, value });
  return value;
}

function parseJsonFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, null, `invalid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ContentError(file, null, describeZodError(result.error));
  return result.data;
}

function lessonFile(locale: Locale, slug: string, root: string): string {
  return path.join(root, 'lessons', locale, `${slug}.md`);
}

/** The slugs that have a file in a locale, sorted. */
export function listLessonSlugs(locale: Locale, root = contentRoot()): string[] {
  const dir = path.join(root, 'lessons', locale);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}

function readSource(file: string, text: string): { meta: FrontMatter; body: string; lineOffset: number } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object bypasses gray-matter's own cache, which keys on content only.
    parsed = matter(text, {});
  } catch (error) {
    throw new ContentError(file, null, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  if (!parsed.matter.trim()) throw new ContentError(file, 1, 'missing YAML front matter (--- ... ---)');
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new ContentError(file, 1, `invalid front matter: ${describeZodError(result.error)}`);
  }
  const lineOffset = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  return { meta: result.data, body: parsed.content, lineOffset };
}

/** A lesson's front matter only (cheap: no markdown rendering, no replay). */
export function loadLessonMeta(locale: Locale, slug: string, root = contentRoot()): LessonMeta | null {
  if (!slugSchema.safeParse(slug).success) return null;
  const file = lessonFile(locale, slug, root);
  if (!fs.existsSync(file)) return null;
  const meta = cached('meta', file, (text) => readSource(file, text)).meta;
  return { ...meta, slug, locale };
}

/** A whole lesson: rendered HTML parts, replayed trace widgets, checked quizzes, headings. */
export function loadLesson(locale: Locale, slug: string, root = contentRoot()): Lesson | null {
  if (!slugSchema.safeParse(slug).success) return null;
  const file = lessonFile(locale, slug, root);
  if (!fs.existsSync(file)) return null;
  return cached('lesson', file, (text) => {
    const { meta, body, lineOffset } = readSource(file, text);
    const rendered = renderLessonMarkdown(body, { file, lineOffset });
    const parts = rendered.parts.map((part): LessonPart => {
      const where = { file, line: part.type === 'html' ? 0 : part.line };
      switch (part.type) {
        case 'html':
          return part;
        case 'trace':
          return { type: 'trace', id: part.id, view: buildTraceView(part.block, locale, where) };
        case 'quiz':
          return { type: 'quiz', id: part.id, quiz: buildQuizView(part.block, where) };
      }
    });
    return { ...meta, slug, locale, parts, headings: rendered.headings, tocHtml: tocHtml(rendered.headings) };
  });
}

/** The lesson order; no nav.json yet means an empty path (the content tests insist on one). */
export function loadNav(root = contentRoot()): Nav {
  const file = path.join(root, 'nav.json');
  if (!fs.existsSync(file)) return { sections: [] };
  return cached('nav', file, (text) => parseJsonFile(file, text, navSchema));
}

/** The nav's lessons in reading order (a lesson listed twice counts once). */
export function lessonOrder(root = contentRoot()): string[] {
  return [...new Set(loadNav(root).sections.flatMap((section) => section.lessons))];
}

/** The home page's learning path: nav sections with each lesson's front matter. */
export function learningPath(locale: Locale, root = contentRoot()): PathSection[] {
  return loadNav(root).sections.map((section) => ({
    id: section.id,
    title: section.title[locale],
    lessons: section.lessons.flatMap((slug) => {
      const meta = loadLessonMeta(locale, slug, root);
      return meta ? [meta] : [];
    }),
  }));
}

/** The lessons before and after `slug` in nav order, with their titles. */
export function lessonNeighbours(
  locale: Locale,
  slug: string,
  root = contentRoot(),
): { previous: LessonLink | null; next: LessonLink | null; section: string | null } {
  const order = lessonOrder(root);
  const at = order.indexOf(slug);
  const link = (other: string | undefined): LessonLink | null => {
    const meta = other ? loadLessonMeta(locale, other, root) : null;
    return meta ? { slug: meta.slug, title: meta.title } : null;
  };
  const section = loadNav(root).sections.find((s) => s.lessons.includes(slug));
  return {
    previous: at > 0 ? link(order[at - 1]) : null,
    next: at >= 0 ? link(order[at + 1]) : null,
    section: section ? section.title[locale] : null,
  };
}

export function loadGlossary(locale: Locale, root = contentRoot()): GlossaryEntry[] {
  const file = path.join(root, 'glossary', `${locale}.json`);
  if (!fs.existsSync(file)) return [];
  return cached('glossary', file, (text) => {
    const entries = parseJsonFile(file, text, glossarySchema);
    const seen = new Set<string>();
    return entries.map((entry, index) => {
      if (seen.has(entry.id)) throw new ContentError(file, null, `duplicate glossary id "${entry.id}" at [${index}]`);
      seen.add(entry.id);
      return {
        id: entry.id,
        term: entry.term,
        html: renderGlossaryDefinition(entry.definition, entry.id, { file: `${file} [${index}] ${entry.id}` }),
        lessons: entry.lessons ?? [],
      };
    });
  });
}

