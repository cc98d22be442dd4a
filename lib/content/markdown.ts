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

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
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
  | { type: 'trace'; block: TraceBlock; line: number }
  | { type: 'quiz'; block: QuizBlock; line: number };

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

/**
 * Renders lesson markdown (pure apart from throwing `ContentError`): GFM, sanitized, headings
 * given ids, and top-level ```trace / ```quiz fences parsed, validated and split out.
 */
export function renderLessonMarkdown(source: string, where: SourceLocation): RenderedMarkdown {
  const offset = where.lineOffset ?? 0;
  const mdast = unified().use(remarkParse).use(remarkGfm).parse(source) as MdastRoot;
  const blocks: { kind: WidgetKind; block: TraceBlock | QuizBlock; line: number }[] = [];

  mdast.children = mdast.children.map((node) => {
    if (node.type !== 'code' || !isWidgetKind(node.lang)) return node;
    const line = (node.position?.start.line ?? 0) + offset;
    const block = parseBlock(node, node.lang, where.file, line);
    blocks.push({ kind: node.lang, block, line });
    // An element the sanitizer is told to keep, marking where the widget goes.
    return {
      type: 'paragraph',
      children: [],
      data: { hName: PLACEHOLDER, hProperties: { dataIndex: String(blocks.length - 1) } },
    };
  });
  checkNestedFences(mdast, where.file, offset);

  const hast = toSafeHast(mdast);
  const headings = collectHeadings(hast);
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
          ? { type: 'trace', block: entry.block as TraceBlock, line: entry.line }
          : { type: 'quiz', block: entry.block as QuizBlock, line: entry.line },
      );
    } else {
      pending.push(node);
    }
  }
  flush();
  return { parts, headings };
}

/** Renders a short markdown text (a glossary definition) to sanitized HTML; widgets are not allowed. */
export function renderMarkdownFragment(source: string, where: SourceLocation): string {
  const { parts } = renderLessonMarkdown(source, where);
  if (parts.some((part) => part.type !== 'html')) {
    throw new ContentError(where.file, where.lineOffset ?? null, 'widget blocks are only allowed in lessons');
  }
  return parts.map((part) => (part.type === 'html' ? part.html : '')).join('\n');
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

function toSafeHast(mdast: MdastRoot): HastRoot {
  const processor = unified()
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    // After sanitizing, so heading ids are not prefixed with `user-content-`.
    .use(rehypeSlug);
  return processor.runSync(mdast) as HastRoot;
}

function stringify(nodes: HastContent[]): string {
  return unified().use(rehypeStringify).stringify({ type: 'root', children: nodes });
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

function textOf(node: HastNodes | Element): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}
