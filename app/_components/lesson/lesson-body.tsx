import type { LessonPart } from '@/lib/content';
import { LessonQuiz } from './lesson-quiz';
import { LessonTrace } from './lesson-trace';

/** A widget's data as JSON, made once: lessons are cached in memory, so the same objects come back on every request. */
const jsonCache = new WeakMap<object, string>();
function jsonOf(value: object): string {
  let json = jsonCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonCache.set(value, json);
  }
  return json;
}

/** Lesson parts in order: sanitized HTML from lib/content, and widgets as components. */
export function LessonBody({ parts }: { parts: LessonPart[] }) {
  return parts.map((part, index) => {
    switch (part.type) {
      case 'html':
        // Sanitized by lib/content (rehype-sanitize) before it gets here.
        return <div key={index} className="prose-lesson" dangerouslySetInnerHTML={{ __html: part.html }} />;
      case 'trace':
        return <LessonTrace key={part.id} id={part.id} viewJson={jsonOf(part.view)} />;
      case 'quiz':
        return <LessonQuiz key={part.id} id={part.id} quizJson={jsonOf(part.quiz)} />;
    }
  });
}
