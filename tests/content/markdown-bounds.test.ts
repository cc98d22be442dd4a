import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { GLOSSARY_PREFIX, ID_PREFIX, MARKDOWN_LIMITS, renderGlossaryDefinition, renderLessonMarkdown } from '@/lib/content/markdown';

const where = { file: 'lesson.md' };
const html = (source: string) =>
  renderLessonMarkdown(source, where)
    .parts.map((part) => (part.type === 'html' ? part.html : ''))
    .join('');

/** Milliseconds to render, to compare sizes against each other (not against a fixed budget). */
function cost(source: string): number {
  const start = performance.now();
  try {
    renderLessonMarkdown(source, where);
  } catch {
    /* a refusal is as good as a render here */
  }
  return performance.now() - start;
}

describe('markdown bounds', () => {
  it('2,000 nested > are a ContentError with the line, not a RangeError', () => {
    const source = `intro\n\n${'>'.repeat(2000)} deep`;
    expect(() => renderLessonMarkdown(source, where)).toThrow(ContentError);
    expect(() => renderLessonMarkdown(source, where)).toThrow(/lesson\.md:3: block quotes nested 2000 deep/);
  });

  it('nesting within the limit renders', () => {
    expect(html(`${'> '.repeat(MARKDOWN_LIMITS.nesting)}fine`)).toContain('fine');
  });

  it.each([
    ['*a', '*a'.repeat(20_000)],
    ['[a](b ', '[a](b '.repeat(20_000)],
  ])('20,000 x %j is refused quickly as one overlong paragraph', (_, source) => {
    expect(() => renderLessonMarkdown(source, where)).toThrow(/a paragraph of more than 8000 characters/);
  });

  it('render time grows about linearly up to the paragraph limit', () => {
    // The same construct at the largest allowed paragraph and at an eighth of it.
    const unit = '*a [a](b ';
    const paragraph = (chars: number) => unit.repeat(Math.floor(chars / unit.length));
    const blocks = (count: number, chars: number) => Array.from({ length: count }, () => paragraph(chars)).join('\n\n');
    cost(blocks(2, 1000)); // warm up
    // The fastest of a few runs: one run on a loaded machine can take a GC pause or a descheduling
    // many times its own length (this failed once so under a load of 15), and quadratic cost cannot hide.
    const fastest = (source: string) => Math.min(...Array.from({ length: 5 }, () => cost(source)));
    const small = fastest(blocks(8, MARKDOWN_LIMITS.blockChars / 8));
    const large = fastest(blocks(8, MARKDOWN_LIMITS.blockChars - 10));
    // 8x the input: linear is ~8x, quadratic would be ~64x.
    expect(large / small).toBeLessThan(30);
  });

  it('a source past the size limit is refused', () => {
    const source = 'word '.repeat(MARKDOWN_LIMITS.chars / 5 + 10).replace(/(word ){100}/g, '$&\n\n');
    expect(() => renderLessonMarkdown(source, where)).toThrow(/characters, more than the/);
  });

  it('long fenced blocks are not paragraphs', () => {
    const fence = `\`\`\`text\n${'x'.repeat(MARKDOWN_LIMITS.blockChars * 2)}\n\`\`\``;
    expect(html(fence)).toContain('<pre>');
  });
});

describe('markdown ids', () => {
  it('heading ids are prefixed and in-page links follow them', () => {
    const out = renderLessonMarkdown('## Objectives\n\nSee [the objectives](#objectives) and [elsewhere](#other).', where);
    expect(out.headings).toEqual([{ depth: 2, id: `${ID_PREFIX}objectives`, text: 'Objectives' }]);
    const text = html('## Objectives\n\nSee [the objectives](#objectives) and [elsewhere](#other).');
    expect(text).toContain(`id="${ID_PREFIX}objectives"`);
    expect(text).toContain(`href="#${ID_PREFIX}objectives"`);
    expect(text).toContain('href="#other"');
  });

  it('links to a glossary entry point at its prefixed id; a definition\'s `#x` is the entry x', () => {
    const text = html('[ISN](/en/glossary#ISN), [TIME_WAIT](/zh/glossary#TIME_WAIT), [a lesson](/en/learn/edge-cases)');
    expect(text).toContain(`href="/en/glossary#${GLOSSARY_PREFIX}ISN"`);
    expect(text).toContain(`href="/zh/glossary#${GLOSSARY_PREFIX}TIME_WAIT"`);
    expect(text).toContain('href="/en/learn/edge-cases"');
    const definition = renderGlossaryDefinition('See [simultaneous open](#simultaneous-open).[^1]\n\n[^1]: RFC 9293.', 'SYN', where);
    expect(definition).toContain(`href="#${GLOSSARY_PREFIX}simultaneous-open"`);
    const ids = [...definition.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(`${GLOSSARY_PREFIX}SYN-`), id).toBe(true);
    for (const [, href] of definition.matchAll(/href="#([^"]+)"/g)) {
      if (href !== `${GLOSSARY_PREFIX}simultaneous-open`) expect(ids).toContain(href);
    }
    for (const [, ref] of definition.matchAll(/aria-describedby="([^"]+)"/g)) expect(ids).toContain(ref);
  });

  it('every footnote link points at an id that exists, both ways', () => {
    const text = html('A claim.[^1] Another.[^note]\n\n[^1]: The source.\n[^note]: More.');
    const ids = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...text.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const target of targets) expect(ids.has(target), `#${target}`).toBe(true);
    expect(text).not.toContain('user-content-');
    // Every id the markdown makes is prefixed, the footnotes' heading too.
    for (const id of ids) expect(id?.startsWith(ID_PREFIX), id).toBe(true);
  });
});
