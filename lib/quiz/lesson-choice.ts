// A lesson's exam-style choice question with the author's own options ("which segment may B send
// next: A/B/C/D", "which states are A and B in now"), and the engine's check of those options:
// every option the author marks right must be one a conforming TCP may give there, every other
// one must not. Content tests and the lesson loader run the check, so a slip in an option fails
// the build instead of misgrading a learner. Pure.
import { deriveQuestion, explainVerdict, judgeAnswer, type QuestionField, type SegmentAnswer, type Side, type StatePair, type Trace } from '../engine/index';
import { lessonItem, reindexWithoutCheckpoints } from './build';
import type { QuizItem, SegmentChoiceItem, StateChoiceItem } from './item';

export type AuthorOptions = { segments: SegmentAnswer[] } | { states: StatePair[] };

/** A lesson's quiz block as the page hands it on: one field of one event, or the author's options. */
export type LessonBlock = { trace: Trace; event: number; field: Exclude<QuestionField, 'segment'>; side?: Side | null } | { trace: Trace; event: number; options: AuthorOptions };

/** The question a lesson block asks, whichever form it has: the lesson's card and the mistake book build it alike. */
export function lessonBlockItem(block: LessonBlock): QuizItem {
  return 'options' in block ? lessonChoiceItem(block.trace, block.event, block.options) : lessonItem(block.trace, block.event, block.field, block.side ?? undefined);
}

/** The choice item of a lesson block: the trace without checkpoints, the author's event mapped onto it. */
export function lessonChoiceItem(trace: Trace, event: number, options: AuthorOptions): SegmentChoiceItem | StateChoiceItem {
  const shown = trace.events.some((e) => 'expect' in e) ? reindexWithoutCheckpoints(trace, event) : { trace, event };
  const base = { spec: null, family: trace.name ?? '', trace: shown.trace, event: shown.event };
  if ('states' in options) {
    const question = { ...deriveQuestion(shown.trace, shown.event, 'state', 'A'), side: 'A' as const };
    return { ...base, kind: 'state_choice', shown: shown.event + 1, question, options: options.states };
  }
  return { ...base, kind: 'multiple_choice', shown: shown.event, question: deriveQuestion(shown.trace, shown.event, 'segment'), options: options.segments };
}

/** Whether the engine takes an option for right, and its words when it does not. */
function judgeOption(item: SegmentChoiceItem | StateChoiceItem, index: number): { correct: boolean; why: string } {
  if (item.kind === 'multiple_choice') {
    const verdict = judgeAnswer(item.question, item.options[index] as SegmentAnswer);
    return { correct: verdict.correct, why: explainVerdict(item.question, verdict, 'en').explain };
  }
  const pair = item.options[index] as StatePair;
  for (const side of ['A', 'B'] as const) {
    const q = { ...item.question, side };
    const verdict = judgeAnswer(q, pair[side]);
    if (!verdict.correct) return { correct: false, why: explainVerdict(q, verdict, 'en').explain };
  }
  return { correct: true, why: '' };
}

/**
 * What is wrong with the author's options, one sentence each (empty when nothing is): an option
 * marked right that the engine rejects, one not marked that it accepts, or not exactly one marked.
 */
export function checkAuthorOptions(item: SegmentChoiceItem | StateChoiceItem, right: readonly boolean[]): string[] {
  const problems: string[] = [];
  if (right.filter(Boolean).length !== 1) problems.push(`mark exactly one option right (${right.filter(Boolean).length} are)`);
  item.options.forEach((_, i) => {
    const { correct, why } = judgeOption(item, i);
    if (right[i] && !correct) problems.push(`option ${String.fromCharCode(65 + i)} is marked right, but the engine rejects it: ${why}`);
    if (!right[i] && correct) problems.push(`option ${String.fromCharCode(65 + i)} is not marked right, but the engine accepts it`);
  });
  return problems;
}
