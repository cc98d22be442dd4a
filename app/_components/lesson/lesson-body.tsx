import type { LessonPart } from '@/lib/content';
import { TraceWidget } from '@/app/_components/trace/trace-widget';
import { LessonQuiz } from './lesson-quiz';

/** Lesson parts in order: sanitized HTML from lib/content, and widgets as components. */
export function LessonBody({ parts }: { parts: LessonPart[] }) {
  return parts.map((part, index) => {
    switch (part.type) {
      case 'html':
        // Sanitized by lib/content (rehype-sanitize) before it gets here.
        return <div key={index} className="prose-lesson" dangerouslySetInnerHTML={{ __html: part.html }} />;
      case 'trace':
        return <TraceWidget key={part.id} id={part.id} view={part.view} />;
      case 'quiz':
        return <LessonQuiz key={part.id} id={part.id} quiz={part.quiz} />;
    }
  });
}
