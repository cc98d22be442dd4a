// The engine's one public entry. Pure TypeScript: no Node, DOM, React or Next.js; no clock and no
// ambient randomness. Everything it returns is plain JSON.
export * from './types';
export { seq, seqAdd, seqDiff, seqLt, seqLe, seqGt, seqGe, seqInRange, segmentSpan, type Seq } from './seq';
export { parseTrace, TraceFormatError } from './parse';
export { FINDING_CODES, type Finding, type FindingCode } from './findings';
export { explainFinding, hintFinding, LANGS, type Lang } from './explain/index';
export {
  replayTrace,
  replayRecords,
  openConnection,
  applyEvent,
  type ReplayResult,
  type ReplayStep,
  type StepError,
  type StepRecord,
  type Connection,
} from './replay';
export { resolveEvents } from './resolve';
export { initialState } from './endpoint';
export { narrateTrace } from './narrate';
export { canonicalFlags, flagsLabel, segmentOf } from './wire';
export {
  generateScenario,
  SCENARIO_FAMILIES,
  UnknownScenarioError,
  isScenarioFamily,
  type ScenarioFamily,
} from './scenarios/index';
export {
  deriveQuestion,
  gradeAnswer,
  canonicalAnswer,
  isAnswerFor,
  QuestionError,
  type Question,
  type QuestionField,
  type Answer,
  type SegmentAnswer,
  type Grade,
} from './questions';
export { seededRandom, type Random } from './scenarios/random';
export { owedSegments } from './respond';
