import {
  generateScenario,
  isScenarioFamily,
  parseTrace,
  QuestionError,
  replayTrace,
  SCENARIO_FAMILIES,
  TraceFormatError,
  TRACE_VIEWS,
  traceViewOf,
  withoutCheckpoints,
  type SegmentAnswer,
  type TraceView,
} from '@/lib/engine';
import type { StatePair, Trace } from '@/lib/engine/types';
import type { Locale } from '@/lib/i18n/locales';
import { checkAuthorOptions, lessonChoiceItem, lessonItem, type AuthorOptions } from '@/lib/quiz';
import { ContentError } from './errors';
import type { QuizBlock, TraceBlock } from './schema';

/** A ```quiz block for the browser: the trace as plain JSON, graded there by the engine. */
export type QuizView =
  | { trace: Trace; event: number; field: NonNullable<QuizBlock['field']>; side: QuizBlock['side'] | null }
  /** The author's options, checked against the engine when the lesson was loaded. */
  | { trace: Trace; event: number; options: AuthorOptions };

interface Where {
  file: string;
  line: number;
}

/** Turns a ```trace or ```quiz block's source into a checked engine trace (throws ContentError). */
export function traceOfBlock(block: TraceBlock | QuizBlock, where: Where): Trace {
  if ('trace' in block) {
    try {
      return parseTrace(block.trace);
    } catch (error) {
      if (error instanceof TraceFormatError) {
        throw new ContentError(where.file, where.line, `invalid inline trace: ${error.message}`);
      }
      throw error;
    }
  }
  if (!isScenarioFamily(block.scenario)) {
    throw new ContentError(
      where.file,
      where.line,
      `unknown scenario "${block.scenario}" (known: ${SCENARIO_FAMILIES.join(', ')})`,
    );
  }
  const options: Parameters<typeof generateScenario>[1] = {};
  if (block.seed !== undefined) options.seed = block.seed;
  if (block.difficulty !== undefined) options.difficulty = block.difficulty;
  return generateScenario(block.scenario, options);
}

/**
 * Replays a trace block for a widget (pure given the engine; throws ContentError on bad input).
 * The widget steps through what happens on the wire: its checkpoints are not steps (content tests
 * replay them, and the diagrams show the states at every step anyway).
 */
export function buildTraceView(block: TraceBlock, locale: Locale, where: Where): TraceView {
  const trace = traceOfBlock(block, where);
  const { steps } = replayTrace(trace);
  const failed = steps.findIndex((step, i) => step.error !== null && 'expect' in (trace.events[i] as object));
  if (failed >= 0) {
    throw new ContentError(where.file, where.line, `checkpoint at event ${failed} fails: ${steps[failed]?.error?.explain ?? ''}`);
  }
  return traceViewOf(withoutCheckpoints(trace), locale, block.caption, block.views ?? [...TRACE_VIEWS]);
}

/** Checks that a quiz block asks something its trace can answer; the browser builds the question. */
export function buildQuizView(block: QuizBlock, where: Where): QuizView {
  const trace = traceOfBlock(block, where);
  if (block.event >= trace.events.length) {
    throw new ContentError(
      where.file,
      where.line,
      `quiz event ${block.event} is out of range: the trace has ${trace.events.length} events (0-based)`,
    );
  }
  try {
    if (block.options) return choiceView(trace, block.event, block.options, where);
    const field = block.field as NonNullable<QuizBlock['field']>;
    lessonItem(trace, block.event, field, block.side);
    return { trace, event: block.event, field, side: block.side ?? null };
  } catch (error) {
    if (error instanceof QuestionError) throw new ContentError(where.file, where.line, `ill-posed quiz: ${error.message}`);
    throw error;
  }
}

/** The author's options, each checked by the engine: a slip in one fails the lesson's build. */
function choiceView(trace: Trace, event: number, options: NonNullable<QuizBlock['options']>, where: Where): QuizView {
  const right = options.map((o) => o.right === true);
  const authored: AuthorOptions =
    'flags' in (options[0] as object)
      ? { segments: (options as Array<SegmentAnswer & { right?: boolean }>).map(({ right: _r, ...segment }) => segment) }
      : { states: (options as Array<StatePair & { right?: boolean }>).map(({ right: _r, ...pair }) => pair) };
  const problems = checkAuthorOptions(lessonChoiceItem(trace, event, authored), right);
  if (problems.length > 0) throw new ContentError(where.file, where.line, `quiz options: ${problems.join('; ')}`);
  return { trace, event, options: authored };
}
