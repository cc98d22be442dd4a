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
  loadNav,
} from '@/lib/content';

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
