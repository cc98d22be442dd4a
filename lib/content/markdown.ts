import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import type { Code, Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type { Element, Root as HastRoot, RootContent as HastContent, Nodes as HastNodes } from 'hast';
import type { z } from 'zod';
import { ContentError, describeZodError } from './errors';
import { quizBlockSchema, traceBlockSchema, type QuizBlock, type TraceBlock } from './schema';

/** Fenced blocks that become widgets; every other fence must use a known code language. */
const WIDGET_BLOCKS = { trace: traceBlockSchema, quiz: quizBlockSchema } as const;
type WidgetKind = keyof typeof WIDGET_BLOCKS;

const CODE_LANGUAGES = new Set([
  'text', 'txt', 'plaintext', 'json', 'sh', 'bash', 'shell', 'console', 'c', 'python', 'py',
  'js', 'javascript', 'ts', 'typescript', 'http', 'diff', 'go', 'rust', 'ini', 'yaml', 'toml',
]);

const PLACEHOLDER = 'synack-widget';

/**
 * Every id the markdown makes (headings, footnotes) starts with this, so a lesson heading such
 * as "Objectives" cannot take an id the page itself uses. In-page links to a heading are
 * rewritten to match.
 */
export const ID_PREFIX = 'lesson-';

/**
 * The glossary page's own prefix: entry `ISN` is `#glossary-ISN` there. Authors keep writing
 * `/en/glossary#ISN` (and `#ISN` between entries); links are rewritten when rendered.
 */
export const GLOSSARY_PREFIX = 'glossary-';

/** The id of a glossary entry's box on the glossary page. */
export const glossaryAnchor = (entryId: string) => GLOSSARY_PREFIX + entryId;

/**
 * Bounds on what an author (or, later, a learner importing a capture) may write: micromark's
 * inline parsing is superlinear on long runs of unmatched `*` or `[a](b`, and deep `>` or list
 * nesting overflows the stack of the tree walkers. Real lessons stay far below each.
 */
export const MARKDOWN_LIMITS = { chars: 400_000, blockChars: 8_000, nesting: 16 } as const;

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // remark-rehype and rehype-slug prefix the ids they make; a second prefix here broke every
  // footnote link (`#user-content-fn-1` pointing at `user-content-user-content-fn-1`).
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), PLACEHOLDER],
  attributes: { ...defaultSchema.attributes, [PLACEHOLDER]: ['dataIndex'] },
};

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** A lesson body split into sanitized HTML and the widget blocks between it, in order. */
export type RawPart =
  | { type: 'html'; html: string }
  | { type: 'trace'; id: string; block: TraceBlock; line: number }
  | { type: 'quiz'; id: string; block: QuizBlock; line: number };

export interface RenderedMarkdown {
  parts: RawPart[];
  headings: Heading[];
}

export interface SourceLocation {
  /** The file the markdown came from, for error messages. */
  file: string;
  /** Lines before the markdown in that file (the front matter), so reported lines are the file's. */
  lineOffset?: number;
}

/** Which page the markdown is shown on: the prefix of the ids it makes, and what `#x` means there. */
interface PageIds {
  prefix: string;
  /** An in-page link that is not to one of the markdown's own headings: a glossary entry's on the glossary page. */
  inPage: ((fragment: string) => string) | null;
}

const LESSON_PAGE: PageIds = { prefix: ID_PREFIX, inPage: null };

/**
 * Renders lesson markdown (pure apart from throwing `ContentError`): GFM, sanitized, headings
 * given ids, and top-level ```trace / ```quiz fences parsed, validated and split out.
 */
export function renderLessonMarkdown(source: string, where: SourceLocation, page: PageIds = LESSON_PAGE): RenderedMarkdown {
  const offset = where.lineOffset ?? 0;
  checkBounds(source, where.file, offset);
  try {
    return render(source, where, offset, page);
  } catch (error) {
    // A nesting the line scan cannot see (lists in quotes in lists...) still must not crash.
    if (error instanceof RangeError) throw new ContentError(where.file, null, 'markdown nested too deeply to render');
    throw error;
  }
}

/** Throws ContentError (with the line) for input past MARKDOWN_LIMITS. Linear in the source. */
function checkBounds(source: string, file: string, offset: number): void {
  const { chars, blockChars, nesting } = MARKDOWN_LIMITS;
  if (source.length > chars) throw new ContentError(file, null, `markdown is ${source.length} characters, more than the ${chars} allowed`);
  const lines = source.split('\n');
  let fence: string | null = null;
  let block = 0;
  let blockStart = 0;
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1 + offset;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      block = 0;
      continue;
    }
    const depth = /^[\s>]*/.exec(line)?.[0].split('>').length ?? 1;
    if (depth - 1 > nesting) throw new ContentError(file, lineNo, `block quotes nested ${depth - 1} deep, more than the ${nesting} allowed`);
    const indent = /^\s*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > nesting * 4) throw new ContentError(file, lineNo, `indented ${indent} columns, more than the ${nesting * 4} allowed`);
    if (line.trim() === '') {
      block = 0;
      continue;
    }
    if (block === 0) blockStart = lineNo;
    block += line.length + 1;
    if (block > blockChars) {
      throw new ContentError(file, blockStart, `a paragraph of more than ${blockChars} characters (split it with a blank line)`);
    }
  }
}

function render(source: string, where: SourceLocation, offset: number, page: PageIds): RenderedMarkdown {
  const mdast = unified().use(remarkParse).use(remarkGfm).parse(source) as MdastRoot;
  const blocks: { kind: WidgetKind; id: string; block: TraceBlock | QuizBlock; line: number }[] = [];
  const ids = new Set<string>();

  mdast.children = mdast.children.map((node) => {
    if (node.type !== 'code' || !isWidgetKind(node.lang)) return node;
    const line = (node.position?.start.line ?? 0) + offset;
    const id = blockId(node.lang, node.meta, where.file, line);
    if (ids.has(id)) throw new ContentError(where.file, line, `block id "${id}" is used twice in this lesson`);
    ids.add(id);
    const block = parseBlock(node, node.lang, where.file, line);
    blocks.push({ kind: node.lang, id, block, line });
    // An element the sanitizer is told to keep, marking where the widget goes.
    return {
      type: 'paragraph',
      children: [],
      data: { hName: PLACEHOLDER, hProperties: { dataIndex: String(blocks.length - 1) } },
    };
  });
  checkNestedFences(mdast, where.file, offset);

  const hast = toSafeHast(mdast, page.prefix);
  const headings = collectHeadings(hast);
  rewriteLinks(hast, page, new Set(headings.map((heading) => heading.id)));
  prefixFootnoteLabel(hast, page.prefix);
  keepFormulasWhole(hast);
  const parts: RawPart[] = [];
  let pending: HastContent[] = [];
  const flush = () => {
    const html = stringify(pending).trim();
    if (html) parts.push({ type: 'html', html });
    pending = [];
  };
  for (const node of hast.children) {
    if (node.type === 'element' && node.tagName === PLACEHOLDER) {
      flush();
      const entry = blocks[Number(node.properties.dataIndex)];
      if (!entry) throw new ContentError(where.file, null, 'internal: lost a widget placeholder');
      parts.push(
        entry.kind === 'trace'
          ? { type: 'trace', id: entry.id, block: entry.block as TraceBlock, line: entry.line }
          : { type: 'quiz', id: entry.id, block: entry.block as QuizBlock, line: entry.line },
      );
    } else {
      pending.push(node);
    }
  }
  flush();
  return { parts, headings };
}

/**
 * Renders a glossary entry's definition to sanitized HTML; widgets are not allowed. Its own ids
 * start `glossary-<entry>-`, and `#x` links to the entry `x` on the same page.
 */
export function renderGlossaryDefinition(source: string, entryId: string, where: SourceLocation): string {
  const page: PageIds = { prefix: `${glossaryAnchor(entryId)}-`, inPage: glossaryAnchor };
  const { parts } = renderLessonMarkdown(source, where, page);
  if (parts.some((part) => part.type !== 'html')) {
    throw new ContentError(where.file, where.lineOffset ?? null, 'widget blocks are only allowed in lessons');
  }
  return parts.map((part) => (part.type === 'html' ? part.html : '')).join('\n');
}

const BLOCK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A widget's stable id, written on its fence (```quiz id=syn-ack-ack): saved answers name the
 * question by it, so adding a paragraph or a widget elsewhere in the lesson re-points nothing.
 * The same block has the same id in every language.
 */
function blockId(kind: WidgetKind, meta: string | null | undefined, file: string, line: number): string {
  const match = /^id=(\S+)$/.exec((meta ?? '').trim());
  if (!match) throw new ContentError(file, line, `\`\`\`${kind} blocks need a stable id on the fence: \`\`\`${kind} id=some-name`);
  const id = match[1] as string;
  if (!BLOCK_ID.test(id)) throw new ContentError(file, line, `block id "${id}" must be lower-case words joined by hyphens`);
  return id;
}

function isWidgetKind(lang: string | null | undefined): lang is WidgetKind {
  return lang === 'trace' || lang === 'quiz';
}

function parseBlock(node: Code, kind: WidgetKind, file: string, line: number): TraceBlock | QuizBlock {
  let json: unknown;
  try {
    json = JSON.parse(node.value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports "at position N" for most syntax errors; without it, point at the fence.
    const position = /position (\d+)/.exec(message);
    const within = position ? node.value.slice(0, Number(position[1])).split('\n').length : 0;
    throw new ContentError(file, line + within, `invalid JSON in \`\`\`${kind} block: ${message}`);
  }
  const schema: z.ZodType<TraceBlock | QuizBlock> = WIDGET_BLOCKS[kind];
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ContentError(file, line, `invalid \`\`\`${kind} block: ${describeZodError(result.error)}`);
  }
  return result.data;
}

/** Widgets must sit at the top level (not in a list or quote), and other fences need a known language. */
function checkNestedFences(root: MdastRoot, file: string, offset: number): void {
  const visit = (node: MdastNodes, depth: number) => {
    if (node.type === 'code') {
      const line = (node.position?.start.line ?? 0) + offset;
      const lang = node.lang ?? '';
      if (isWidgetKind(lang) && depth > 1) {
        throw new ContentError(file, line, `\`\`\`${lang} blocks must be at the top level of the lesson`);
      }
      if (lang && !isWidgetKind(lang) && !CODE_LANGUAGES.has(lang.toLowerCase())) {
        throw new ContentError(
          file,
          line,
          `unknown block type \`\`\`${lang} (widgets: trace, quiz; code: ${[...CODE_LANGUAGES].join(', ')})`,
        );
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes, depth + 1);
  };
  visit(root, 0);
}

function toSafeHast(mdast: MdastRoot, prefix: string): HastRoot {
  const processor = unified()
    .use(remarkRehype, { clobberPrefix: prefix })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug, { prefix });
  return processor.runSync(mdast) as HastRoot;
}

function stringify(nodes: HastContent[]): string {
  return unified().use(rehypeStringify).stringify({ type: 'root', children: nodes });
}

/**
 * A lesson's table of contents as sanitized HTML (a `<li>` per heading, `data-depth` 2 or 3), made
 * once with the lesson: as React elements its two copies on the page (phone and wide) cost more
 * to serve than the lesson's prose. Pure.
 */
export function tocHtml(headings: Heading[]): string {
  const items: HastContent[] = headings.map((heading) => ({
    type: 'element',
    tagName: 'li',
    properties: { dataDepth: String(heading.depth) },
    children: [{ type: 'element', tagName: 'a', properties: { href: `#${heading.id}` }, children: [{ type: 'text', value: heading.text }] }],
  }));
  return stringify(items);
}

function collectHeadings(root: HastRoot): Heading[] {
  const headings: Heading[] = [];
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
      const id = node.properties.id;
      if (typeof id === 'string') {
        headings.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: textOf(node).trim() });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return headings;
}

const GLOSSARY_LINK = /^(\/[a-z]+\/glossary#)(.+)$/;

/**
 * Links as the page serves them: `[see](#closing)` points at its heading, whose id is now
 * `lesson-closing`; `/en/glossary#ISN` at the entry's `glossary-ISN`; on the glossary page, `#ISN`
 * at that entry too. Footnote links already carry the prefix.
 */
function rewriteLinks(root: HastRoot, page: PageIds, headingIds: Set<string>): void {
  const rewrite = (href: string): string => {
    const glossary = GLOSSARY_LINK.exec(href);
    if (glossary) return glossary[1] + glossaryAnchor(glossary[2] as string);
    if (!href.startsWith('#') || href.startsWith(`#${page.prefix}`)) return href;
    const fragment = href.slice(1);
    if (headingIds.has(page.prefix + fragment)) return `#${page.prefix}${fragment}`;
    return page.inPage ? `#${page.inPage(fragment)}` : href;
  };
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') {
      node.properties.href = rewrite(node.properties.href);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
}

/** A formula or a direction: short, with an operator or an arrow ("x+1 = 1001", "C → S"). */
const FORMULA_CELL = /^(?=.{1,24}$)[^\n]*[=+→←↔][^\n]*$/;

/**
 * Formula cells never wrap: on a phone the narrow column broke them over lines ("x+1 | = | 1001").
 * Other cells wrap as prose does, so a table still fits a desktop column. A table may scroll
 * sideways on a phone, so it takes the keyboard focus (arrow keys scroll it). The class and the
 * tabindex are ours, added after sanitizing.
 */
function keepFormulasWhole(root: HastRoot): void {
  const visit = (node: HastNodes) => {
    if (node.type === 'element') {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
      if ((node.tagName === 'td' || node.tagName === 'th') && FORMULA_CELL.test(textOf(node).trim())) {
        node.properties.className = ['cell-whole'];
        return;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(root);
}

const FOOTNOTE_LABEL = 'footnote-label';

/** mdast-util-to-hast always names the footnotes' heading `footnote-label`, whatever the prefix. */
function prefixFootnoteLabel(root: HastRoot, prefix: string): void {
  const visit = (node: HastNodes) => {
    if (node.type === 'element') {
      if (node.properties.id === FOOTNOTE_LABEL) node.properties.id = prefix + FOOTNOTE_LABEL;
      const described = node.properties.ariaDescribedBy;
      if (Array.isArray(described)) node.properties.ariaDescribedBy = described.map((id) => (id === FOOTNOTE_LABEL ? prefix + FOOTNOTE_LABEL : id));
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
}

function textOf(node: HastNodes | Element): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}
