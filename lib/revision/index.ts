// The revision layer's public entry: spaced review, mock exams, the mistake book and the exam
// track, pure TypeScript on lib/quiz and the engine. The clock is always an argument.
export * from './days';
export * from './track';
export * from './question';
export * from './targets';
export * from './schedule';
export * from './exam';
export * from './mistakes';
export * from './sections';
export * from './state';
export * from './merge';
