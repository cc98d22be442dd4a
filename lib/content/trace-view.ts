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
  type TraceView,
} from '@/lib/engine';
import type { Trace } from '@/lib/engine/types';
import type { Locale } from '@/lib/i18n/locales';
import { lessonItem } from '@/lib/quiz';
import { ContentError } from './errors';
import type { QuizBlock, TraceBlock } from './schema';

/** A ```quiz block for the browser: the trace as plain JSON, graded there by the engine. */
export interface QuizView {
  trace: Trace;
  event: number;
  field: QuizBlock['field'];
  side: QuizBlock['side'] | null;
}

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
    lessonItem(trace, block.event, block.field, block.side);
  } catch (error) {
    if (error instanceof QuestionError) throw new ContentError(where.file, where.line, `ill-posed quiz: ${error.message}`);
    throw error;
  }
  return { trace, event: block.event, field: block.field, side: block.side ?? null };
}
