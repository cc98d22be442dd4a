// The quiz layer's public entry: pure TypeScript on top of the engine, shared by browser and server.
export * from './catalog';
export * from './spec';
export { buildItem, lessonItem } from './build';
export { checkAuthorOptions, lessonBlockItem, lessonChoiceItem, type AuthorOptions, type LessonBlock } from './lesson-choice';
export { askedSegment, askedSide, segmentEvents, type QuizItem, type ByteCountItem, type FieldItem, type StateItem, type SegmentChoiceItem, type StateChoiceItem, type SpotErrorItem } from './item';
export { offerChoices } from './choices';
export { BYTE_ASKS, byteAnswer, byteQuestions, type ByteAsk, type ByteQuestion } from './byte-count';
export { promptParts, type PromptKey, type PromptParts } from './prompt';
export { checkAnswer, ResponseError, type ItemCheck, type Response } from './check';
export { explainCheck, gradeItem, revealRule, type ItemExplanation, type ItemGrade } from './grade';
export { responseSchema } from './response-schema';
export { MISCONCEPTIONS, classifyMistake, type Misconception } from './misconceptions';
export { SKILLS, skillOf, type Skill } from './skills';
export { endlessItemAt, endlessSpec, ENDLESS_STRETCH, fitsTopic, makePracticeSet, MAX_SHAPE_REPEATS, questionKey, questionShape, topicMoments, type EndlessRun, type PracticeConfig } from './practice-set';
export { MOMENTS, momentsOf, type Moment } from './moment';
export * from './progress';
export { lessonItemRef, parseLessonItemRef, migrateItemRef } from './lesson-ref';
export { advance, advanceEndless, answerAt, finish, firstTryAt, isFinished, restart, restoreEndless, restoreSession, startEndless, serialiseSession, sessionResults, startSession, type FirstTry, type PracticeSession } from './session';
