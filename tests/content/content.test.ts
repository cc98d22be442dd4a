// The real content/ is tested like code: every lesson in both languages loads (front matter,
// markdown, widget blocks), every trace replays valid, nav.json and the glossary hold together.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routing, type Locale } from '@/app/_lib/i18n/routing';
import {
  contentRoot,
  listLessonSlugs,
  loadGlossary,
  loadLesson,
  loadLessonMeta,
  glossaryAnchor,
  loadNav,
} from '@/lib/content';
import { lessonItemRef, migrateItemRef } from '@/lib/quiz';

const LOCALES = routing.locales;
const root = contentRoot();
const slugs = listLessonSlugs('en', root);

describe('lessons', () => {
  it('exist', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  it('have the same slugs in every language', () => {
    for (const locale of LOCALES) expect(listLessonSlugs(locale, root), locale).toEqual(slugs);
  });

  it('give every quiz and trace block a stable id, unique in its lesson and the same in every language', () => {
    for (const slug of slugs) {
      const widgets = (locale: Locale) =>
        loadLesson(locale, slug, root)!.parts.flatMap((part) => (part.type === 'html' ? [] : [`${part.type}:${part.id}`]));
      const en = widgets('en');
      expect(new Set(en).size, `${slug}: ids unique`).toBe(en.length);
      for (const locale of LOCALES) expect(widgets(locale), `${locale}/${slug}`).toEqual(en);
    }
  });

  it('lead every positional ref saved before ids to a quiz the lesson still has', () => {
    for (const slug of slugs) {
      const lesson = loadLesson('en', slug, root)!;
      const quizIds = lesson.parts.flatMap((part) => (part.type === 'quiz' ? [lessonItemRef(slug, part.id)] : []));
      let legacy = 0;
      // Positions are those of the lesson when ids came; sections added since may move the quizzes.
      for (let index = 0; index < lesson.parts.length + 40; index++) {
        const positional = `lesson:/en/learn/${slug}#quiz-${index}`;
        if (migrateItemRef(positional) === positional) continue;
        legacy++;
        expect(quizIds, `${slug} quiz-${index}`).toContain(migrateItemRef(positional));
      }
      expect(legacy, slug).toBeGreaterThanOrEqual(2);
    }
  });

  for (const locale of LOCALES) {
    for (const slug of listLessonSlugs(locale, root)) {
      describe(`${locale}/${slug}`, () => {
        it('loads: front matter, markdown, trace and quiz blocks', () => {
          const lesson = loadLesson(locale, slug, root);
          expect(lesson).not.toBeNull();
          expect(lesson!.title).toBeTruthy();
          expect(lesson!.objectives.length).toBeGreaterThan(0);
        });

        it('lists only existing lessons as prerequisites', () => {
          const meta = loadLessonMeta(locale, slug, root)!;
          for (const other of meta.prerequisites) {
            expect(loadLessonMeta(locale, other, root), `prerequisite ${other}`).not.toBeNull();
          }
        });

        it('has trace blocks that replay valid', () => {
          const lesson = loadLesson(locale, slug, root)!;
          for (const part of lesson.parts) {
            if (part.type !== 'trace') continue;
            const errors = part.view.steps.flatMap((step, event) =>
              step.error ? [`event ${event}: ${step.error.field}: ${step.error.explain}`] : [],
            );
            expect(errors, `trace "${part.view.caption}"`).toEqual([]);
            expect(part.view.valid).toBe(true);
            expect(part.view.narration).toHaveLength(part.view.events.length);
            expect(part.view.steps).toHaveLength(part.view.events.length);
          }
        });
      });
    }
  }

  // Section links (revision's 'study this section') map a heading to the other language by position.
  it('have the same headings, level by level, in every language', () => {
    const levels = (locale: Locale, slug: string) => loadLesson(locale, slug, root)?.headings.map((heading) => heading.depth);
    for (const slug of slugs) {
      for (const locale of LOCALES) expect(levels(locale, slug), `${locale}/${slug}`).toEqual(levels('en', slug));
    }
  });

  it('have the same number of trace and quiz blocks in every language', () => {
    const count = (locale: Locale, slug: string) => {
      const parts = loadLesson(locale, slug, root)?.parts ?? [];
      return { trace: parts.filter((p) => p.type === 'trace').length, quiz: parts.filter((p) => p.type === 'quiz').length };
    };
    for (const slug of slugs) {
      for (const locale of LOCALES) expect(count(locale, slug), `${locale}/${slug}`).toEqual(count('en', slug));
    }
  });
});

describe('nav.json', () => {
  it('exists', () => {
    expect(fs.existsSync(path.join(root, 'nav.json'))).toBe(true);
  });

  it('names only lessons that exist in every language, each once', () => {
    const listed = loadNav(root).sections.flatMap((section) => section.lessons);
    expect(new Set(listed).size).toBe(listed.length);
    for (const slug of listed) {
      for (const locale of LOCALES) {
        expect(loadLessonMeta(locale, slug, root), `${locale}/${slug} in nav.json`).not.toBeNull();
      }
    }
  });

  it('lists every lesson', () => {
    const listed = new Set(loadNav(root).sections.flatMap((section) => section.lessons));
    expect(slugs.filter((slug) => !listed.has(slug))).toEqual([]);
  });
});

describe('glossary', () => {
  for (const locale of LOCALES) {
    it(`${locale}.json parses and renders`, () => {
      expect(fs.existsSync(path.join(root, 'glossary', `${locale}.json`))).toBe(true);
      expect(loadGlossary(locale, root).length).toBeGreaterThan(0);
    });
  }

  it('has the same ids in every language', () => {
    const ids = (locale: Locale) => loadGlossary(locale, root).map((entry) => entry.id).sort();
    for (const locale of LOCALES) expect(ids(locale), locale).toEqual(ids('en'));
  });
});

// Lessons link glossary terms and other lessons with absolute, locale-prefixed paths
// (/en/glossary#ISN, /zh/learn/edge-cases); the glossary links back through each entry's `lessons`.
// Rendered, a glossary link names the entry's prefixed id (#glossary-ISN), which the page gives it.
describe('links between lessons and the glossary', () => {
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
  const lessonHtml = (locale: Locale, slug: string) =>
    (loadLesson(locale, slug, root)?.parts ?? []).map((part) => (part.type === 'html' ? part.html : '')).join('\n');
  const glossaryIds = (locale: Locale) => new Set(loadGlossary(locale, root).map((entry) => entry.id));
  const glossaryAnchors = (locale: Locale) => new Set([...glossaryIds(locale)].map(glossaryAnchor));

  /** Why an internal link is broken, or null when it points at a page (and entry) that exists. */
  function brokenLink(locale: Locale, href: string, pageIds: Set<string>): string | null {
    if (/^(https?:|mailto:)/.test(href)) return null;
    if (href.startsWith('#')) return pageIds.has(href.slice(1)) ? null : `no id ${href} on the page`;
    const match = /^\/([a-z]+)\/(?:learn\/([a-z0-9-]+)|glossary)(?:#(.+))?$/.exec(href);
    if (!match) return 'not a lesson or glossary path';
    const [, linkLocale, slug, fragment] = match;
    if (linkLocale !== locale) return `points at the ${linkLocale} site`;
    if (slug !== undefined) {
      if (!loadLessonMeta(locale, slug, root)) return `no lesson ${slug}`;
      if (fragment !== undefined) return 'lesson links carry no fragment (heading ids may change)';
      return null;
    }
    if (fragment !== undefined && !glossaryAnchors(locale).has(fragment)) return `no glossary entry ${fragment}`;
    return null;
  }

  for (const locale of LOCALES) {
    it(`${locale}: every internal link in a lesson or the glossary resolves`, () => {
      const broken: string[] = [];
      for (const slug of slugs) {
        const headingIds = new Set(loadLesson(locale, slug, root)!.headings.map((heading) => heading.id));
        for (const href of hrefs(lessonHtml(locale, slug))) {
          const why = brokenLink(locale, href, headingIds);
          if (why) broken.push(`${slug}: ${href}: ${why}`);
        }
      }
      for (const entry of loadGlossary(locale, root)) {
        for (const href of hrefs(entry.html)) {
          const why = brokenLink(locale, href, glossaryAnchors(locale));
          if (why) broken.push(`glossary ${entry.id}: ${href}: ${why}`);
        }
        for (const slug of entry.lessons) {
          if (!loadLessonMeta(locale, slug, root)) broken.push(`glossary ${entry.id}: no lesson ${slug}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('every lesson links to the glossary, to the same places in every language', () => {
    const targets = (locale: Locale, slug: string) =>
      hrefs(lessonHtml(locale, slug))
        .filter((href) => href.startsWith(`/${locale}/`))
        .map((href) => href.slice(locale.length + 1))
        .sort();
    for (const slug of slugs) {
      expect(targets('en', slug).some((href) => href.startsWith('/glossary#')), `${slug} links no glossary term`).toBe(true);
      for (const locale of LOCALES) expect(targets(locale, slug), `${locale}/${slug}`).toEqual(targets('en', slug));
    }
  });

  it('the glossary page gives no id twice: entries are glossary-<id>, a definition\'s own ids are under its entry', () => {
    for (const locale of LOCALES) {
      const entries = loadGlossary(locale, root);
      const ids = [
        ...entries.map((entry) => glossaryAnchor(entry.id)),
        ...entries.flatMap((entry) => [...entry.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
      ];
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), locale).toEqual([]);
      for (const id of ids) expect(id.startsWith('glossary-'), id).toBe(true);
    }
  });

  it('every glossary entry names the lessons that teach it, the same in every language', () => {
    const lessonsOf = (locale: Locale) => new Map(loadGlossary(locale, root).map((entry) => [entry.id, entry.lessons]));
    const en = lessonsOf('en');
    for (const [id, lessons] of en) expect(lessons.length, `${id} names no lesson`).toBeGreaterThan(0);
    for (const locale of LOCALES) expect(lessonsOf(locale), locale).toEqual(en);
  });
});

// Chinese text takes full-width punctuation (，：；？！（）“”). Code (`seq=1000`, ```trace blocks) and
// URLs keep ASCII, so they are removed before checking.
describe('Chinese punctuation', () => {
  const CJK = '[\\u3400-\\u9fff]';
  // Next to a Chinese character, before a space or at the end ("选项 A: ", "深色:"), or ASCII quotes
  // around Chinese. SYN,ACK and seq=1000 stay as they are.
  const HALF_WIDTH = new RegExp(`${CJK}[,:;?!()]|[,:;?!()]${CJK}|[,:;?!](?=\\s|$)|"[^"]*${CJK}[^"]*"`, 'g');
  const HAS_CJK = new RegExp(CJK);
  const textOf = (html: string) =>
    html
      .replace(/<(pre|code)[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x22;|&quot;/g, '"');
  const offences = (where: string, text: string) =>
    (HAS_CJK.test(text) ? [...text.matchAll(HALF_WIDTH)] : []).map((match) => `${where}: …${text.slice(Math.max(0, match.index - 12), match.index + 14)}…`);

  it('zh lessons use full-width punctuation', () => {
    const found = slugs.flatMap((slug) => {
      const lesson = loadLesson('zh', slug, root)!;
      const prose = [lesson.title, lesson.summary, ...lesson.objectives].join('\n');
      const html = lesson.parts.map((part) => (part.type === 'html' ? part.html : '')).join('\n');
      return offences(slug, `${prose}\n${textOf(html)}`);
    });
    expect(found).toEqual([]);
  });

  it('the zh glossary and UI strings use full-width punctuation', () => {
    const strings = (value: unknown, path: string): [string, string][] =>
      typeof value === 'string'
        ? [[path, value]]
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, inner]) => strings(inner, `${path}.${key}`))
          : [];
    const ui = JSON.parse(fs.readFileSync(path.join(root, 'ui', 'zh.json'), 'utf8')) as unknown;
    const found = [
      // An ICU plural's own syntax ("{n, plural, =0 {") is not prose: its commas stay half-width.
      ...strings(ui, 'ui').flatMap(([where, text]) => offences(where, text.replace(/`[^`]*`/g, ' ').replace(/\{\w+, (plural|select), /g, '{'))),
      ...loadGlossary('zh', root).flatMap((entry) => offences(`glossary ${entry.id}`, `${entry.term}\n${textOf(entry.html)}`)),
    ];
    expect(found).toEqual([]);
  });
});

describe('docs/trace-format.md', () => {
  // The contract lives outside the repository too (../shared, where it is agreed); a clone must
  // carry the same text, so the copy is checked whenever the original is beside the checkout.
  const shared = path.join(process.cwd(), '..', 'shared', 'trace-format.md');
  it.runIf(fs.existsSync(shared))('is the shared trace format, word for word', () => {
    expect(fs.readFileSync(path.join(process.cwd(), 'docs', 'trace-format.md'), 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
  });
});
