// Server only (it reads the lessons through lib/content): the lesson section that teaches each
// skill, as a link in the page's language, passed to the revise components as props. The map names
// sections of the English lessons; the other language's lesson has the same sections in the same
// order, so its id is the one at the same position.
import { loadLesson } from '@/lib/content';
import { ID_PREFIX } from '@/lib/content/markdown';
import { SKILLS, type Skill } from '@/lib/quiz';
import { SKILL_SECTIONS } from '@/lib/revision';
import type { Locale } from '@/lib/i18n/locales';

export function skillSectionHrefs(locale: Locale): Record<Skill, string> {
  const entries = SKILLS.map((skill) => {
    const { slug, section } = SKILL_SECTIONS[skill];
    const index = loadLesson('en', slug)?.headings.findIndex((h) => h.id === `${ID_PREFIX}${section}`) ?? -1;
    const local = index >= 0 ? loadLesson(locale, slug)?.headings[index]?.id : undefined;
    return [skill, `/learn/${slug}${local ? `#${local}` : ''}`] as const;
  });
  return Object.fromEntries(entries) as Record<Skill, string>;
}
