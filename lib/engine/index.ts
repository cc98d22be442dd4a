// The engine's one public entry. Pure TypeScript: no Node, DOM, React or Next.js; no clock and no
// ambient randomness. Everything it returns is plain JSON. The transition code lives under
// internal/ and is reached only through `step`, `replayTrace` and the functions built on them.
export * from './types';
export { seq, seqAdd, seqDiff, seqLt, seqLe, seqGt, seqGe, seqInRange, segmentSpan, type Seq } from './seq';
export { parseTrace, parseEndpoints, parseTraceEvent, TraceFormatError } from './parse';
export { FINDING_CODES, type Finding, type FindingCode, type FindingOf, type FindingParamsByCode, type SomeFindingParams } from './findings';
export { explainFinding, hintFinding, LANGS, type Lang } from './explain/index';
export {
  openConnection,
  step,
  statesOf,
  owedOf,
  type ConnectionSnapshot,
  type StepResult,
  type OwedSegment,
  type ArrivalOutcome,
} from './step';
export { replayTrace, startReplay, replayRecords, snapshotAfter, type StreamedReplay, type ReplayResult, type ReplayStep, type StepError, type StepRecord } from './replay';
export { resolveEvents } from './resolve';
export { narrateTrace, narrateStep, type StepOutcome } from './narrate';
export { traceViewOf, extendTraceView, TRACE_VIEWS, type TraceView, type TraceViewKind } from './trace-view';
export { canonicalFlags, flagsText, segmentOf } from './segments';
export {
  generateScenario,
  SCENARIO_FAMILIES,
  UnknownScenarioError,
  isScenarioFamily,
  type ScenarioFamily,
} from './scenarios/index';
export {
  asksNewBytes,
  deriveQuestion,
  gradeAnswer,
  judgeAnswer,
  explainVerdict,
  stateRule,
  canonicalAnswer,
  isAnswerFor,
  QuestionError,
  type Question,
  type QuestionField,
  type Answer,
  type SegmentAnswer,
  type Grade,
  type Verdict,
} from './questions';
export { parseSeed, seededRandom, type Random } from './scenarios/random';
export { owedSegments, replyOwed } from './respond';
