// Server only (it reads the lessons through lib/content): every lesson question, keyed by the ref
// an attempt at it is saved under, with its lesson's title, so the mistake book (a client page
// reading browser storage) can show a lesson question whole: its prompt, the connection, the
// learner's answer, the right one and the rule, as it does for practice.
import { listLessonSlugs, loadLesson } from '@/lib/content';
import { lessonItemRef } from '@/lib/quiz';
import type { LessonQuestionSource } from '@/lib/revision';
import type { Locale } from '@/lib/i18n/locales';

export function lessonQuestionSources(locale: Locale): Record<string, LessonQuestionSource> {
  const entries = listLessonSlugs(locale).flatMap((slug) => {
    const lesson = loadLesson(locale, slug);
    if (!lesson) return [];
    return lesson.parts.flatMap((part) =>
      part.type === 'quiz' ? [[lessonItemRef(slug, part.id), { quiz: part.quiz, lesson: lesson.title, href: `/learn/${slug}` }] as const] : [],
    );
  });
  return Object.fromEntries(entries);
}
