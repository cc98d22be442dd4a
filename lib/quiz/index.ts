// The quiz layer's public entry: pure TypeScript on top of the engine, shared by browser and server.
export * from './catalog';
export * from './spec';
export { buildItem, lessonItem } from './build';
export { askedSegment, askedSide, segmentEvents, type QuizItem, type FieldItem, type StateItem, type SegmentChoiceItem, type StateChoiceItem, type SpotErrorItem } from './item';
export { offerChoices } from './choices';
export { promptParts, type PromptKey, type PromptParts } from './prompt';
export { checkAnswer, ResponseError, type ItemCheck, type Response } from './check';
export { explainCheck, gradeItem, type ItemExplanation, type ItemGrade } from './grade';
export { responseSchema } from './response-schema';
export { MISCONCEPTIONS, classifyMistake, type Misconception } from './misconceptions';
export { SKILLS, skillOf, type Skill } from './skills';
export { endlessItemAt, makePracticeSet, questionKey, type EndlessRun, type PracticeConfig } from './practice-set';
export * from './progress';
export { lessonItemRef, parseLessonItemRef, migrateItemRef } from './lesson-ref';
export { advance, advanceEndless, answerAt, finish, firstTryAt, isFinished, restart, restoreEndless, restoreSession, startEndless, serialiseSession, sessionResults, startSession, type FirstTry, type PracticeSession } from './session';
