import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPage, pageTableFromEnv, type PageTable } from '@/lib/http/page-routes';

const table: PageTable = {
  routes: ['', 'practice', 'learn/[slug]', 'assignments/[id]', 'assignments/[id]/edit', 'classes/join/[code]'],
  lessonSlugs: { en: ['three-way-handshake', 'edge-cases'], zh: ['three-way-handshake'] },
};
const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const ID = '0b5d6f3e-8c1a-4d2b-9e7f-1a2b3c4d5e6f';

describe('isPage', () => {
  it('knows the home page, static pages and dynamic segments', () => {
    expect(isPage(table, 'en', [])).toBe(true);
    expect(isPage(table, 'en', ['practice'])).toBe(true);
    expect(isPage(table, 'en', ['assignments', ID])).toBe(true);
    expect(isPage(table, 'zh', ['assignments', ID.toUpperCase(), 'edit'])).toBe(true);
    expect(isPage(table, 'en', ['classes', 'join', 'K7QX2M9A'])).toBe(true);
  });

  it('an id that is no UUID names nothing', () => {
    expect(isPage(table, 'en', ['assignments', 'abc'])).toBe(false);
    expect(isPage(table, 'en', ['assignments', `${ID}x`, 'edit'])).toBe(false);
  });

  it('takes only the lessons of that language after learn/', () => {
    expect(isPage(table, 'en', ['learn', 'edge-cases'])).toBe(true);
    expect(isPage(table, 'zh', ['learn', 'edge-cases'])).toBe(false);
    expect(isPage(table, 'en', ['learn', 'no-such-lesson'])).toBe(false);
    expect(isPage(table, 'en', ['learn'])).toBe(false);
  });

  it('refuses unknown segments and extra depth', () => {
    expect(isPage(table, 'en', ['nothing', 'here'])).toBe(false);
    expect(isPage(table, 'en', ['practice', 'extra'])).toBe(false);
    expect(isPage(table, 'en', ['assignments'])).toBe(false);
  });

  it('a page with any values in its dynamic segments is a page; one more segment makes it none', () => {
    fc.assert(
      fc.property(fc.constantFrom('practice', 'assignments/[id]', 'assignments/[id]/edit', 'classes/join/[code]'), fc.array(segment, { minLength: 4, maxLength: 4 }), fc.uuid(), segment, (route, values, id, extra) => {
        const segments = route.split('/').map((part, i) => (part === '[id]' ? id : part.startsWith('[') ? (values[i] as string) : part));
        expect(isPage(table, 'en', segments)).toBe(true);
        expect(isPage(table, 'en', [...segments, extra])).toBe(route === 'assignments/[id]' && extra === 'edit');
      }),
    );
  });

  it('with no table (a build without the environment) lets everything through', () => {
    expect(isPage(pageTableFromEnv(undefined, undefined), 'en', ['anything'])).toBe(true);
  });
});

describe('pageTableFromEnv', () => {
  it('reads the JSON next.config.js writes, and ignores what is not', () => {
    expect(pageTableFromEnv('["","practice"]', '{"en":["a"]}')).toEqual({ routes: ['', 'practice'], lessonSlugs: { en: ['a'] } });
    expect(pageTableFromEnv('{', '[1]')).toEqual({ routes: [], lessonSlugs: {} });
  });
});
