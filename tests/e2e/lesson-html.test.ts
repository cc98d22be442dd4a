// A lesson page as the server sends it, before any script runs (a reader without JavaScript, a
// crawler, the first paint): the text, every widget's caption and first step are in the markup;
// each widget's step data travels once, in React's payload, not also drawn into the markup; every
// in-page link (table of contents, footnotes) points at an id the page has. Lesson pages were
// made cheap to serve by sending less: these are the things that must not go with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLessonSlugs, loadLesson } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';
import { startApp, type AppServer } from './server';

let app: AppServer;
beforeAll(async () => {
  app = await startApp();
}, 600_000);
afterAll(async () => {
  await app?.stop();
});

/** The document without its scripts: what is drawn before hydration. */
function markupOf(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/** Text of the markup as a reader sees it (entities decoded), for comparing with the lesson's strings. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(['en', 'zh'] as Locale[])('lesson pages in %s, before any script runs', (locale) => {
  for (const slug of listLessonSlugs(locale)) {
    it(slug, async () => {
      const lesson = loadLesson(locale, slug);
      expect(lesson).not.toBeNull();
      const response = await fetch(`${app.baseUrl}/${locale}/learn/${slug}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const markup = markupOf(html);
      const text = textOf(markup);

      const figures = [...markup.matchAll(/<figure\b[\s\S]*?<\/figure>/g)].map((m) => m[0]);
      const traces = lesson!.parts.flatMap((part) => (part.type === 'trace' ? [part] : []));
      expect(figures).toHaveLength(traces.length);
      const allNarration = traces.map(({ view }) => view.narration.join('\n')).join('\n');
      for (const [i, part] of lesson!.parts.entries()) {
        if (part.type === 'html') {
          // The prose is in the markup as lib/content made it.
          expect(markup, `html part ${i}`).toContain(part.html);
        }
      }
      for (const [i, { view }] of traces.entries()) {
        const figure = textOf(figures[i] ?? '');
        expect(figure).toContain(view.caption);
        // The first step: before any event, with both sides' states.
        const narration = /data-testid="narration"[^>]*>([^<]*)</.exec(figures[i] ?? '')?.[1] ?? '';
        expect(narration).toContain(view.initial.A);
        expect(narration).toContain(view.initial.B);
        // A later step's words are data for the browser, sent once, not drawn before hydration
        // (several widgets of a lesson may end with the same sentence: once for each).
        const last = view.narration.at(-1) as string;
        expect(text).not.toContain(last);
        expect(occurrences(html, last), `"${last}" in the page`).toBe(occurrences(allNarration, last));
      }

      const ids = new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const links = [...markup.matchAll(/\shref="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1] as string));
      for (const heading of lesson!.headings) expect(links).toContain(heading.id);
      for (const target of links) expect(ids.has(target), `#${target} has no element`).toBe(true);
      // Every id an ARIA attribute names is in the markup (a reader is not pointed at nothing).
      const references = [...markup.matchAll(/\saria-(?:labelledby|describedby|controls)="([^"]+)"/g)].flatMap((m) => (m[1] as string).split(/\s+/));
      for (const target of references) expect(ids.has(target), `aria reference ${target} has no element`).toBe(true);
      // Before hydration a widget has nothing to act on: no stop for the Tab key in an empty room.
      for (const [i, figure] of figures.entries()) expect(figure, `figure ${i}`).not.toMatch(/\stabindex="/);
    });
  }
});
