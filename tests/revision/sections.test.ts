import { describe, expect, it } from 'vitest';
import { loadLesson } from '@/lib/content';
import { SKILLS } from '@/lib/quiz';
import { SKILL_SECTIONS } from '@/lib/revision';
import { ID_PREFIX } from '@/lib/content/markdown';

describe('skill → lesson section links', () => {
  it('every skill links to a section of an English lesson, and the Chinese lesson has its sections in the same order', () => {
    for (const skill of SKILLS) {
      const { slug, section } = SKILL_SECTIONS[skill];
      const en = loadLesson('en', slug);
      const zh = loadLesson('zh', slug);
      expect(en, slug).not.toBeNull();
      expect(zh, slug).not.toBeNull();
      expect(en!.headings.map((h) => h.id), `${skill}: ${slug}#${section}`).toContain(`${ID_PREFIX}${section}`);
      expect(zh!.headings.map((h) => h.depth), `${slug}: zh and en sections differ`).toEqual(en!.headings.map((h) => h.depth));
    }
  });
});
