// The one entry for pages: server-side content loading and checking (reads content/ from disk).
export { ContentError } from './errors';
export { glossaryAnchor, type Heading } from './markdown';
export type { QuizView } from './trace-view';
export {
  contentRoot,
  learningPath,
  lessonNeighbours,
  lessonOrder,
  listLessonSlugs,
  loadGlossary,
  loadLesson,
  loadLessonMeta,
  loadNav,
  type GlossaryEntry,
  type Lesson,
  type LessonLink,
  type LessonMeta,
  type LessonPart,
  type PathSection,
} from './lessons';
