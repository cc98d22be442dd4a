// The data a trace widget draws, from a trace: pure, beside the engine, so lesson pages build it
// on the server, quizzes in the browser, and the sandbox extends it one event at a time.
import type { Lang } from './explain/index';
import { narrateStep, narrateTrace } from './narrate';
import { replayTrace, toStepError, type ReplayStep } from './replay';
import { resolveEvents, resolveNext } from './resolve';
import { statesOf, type StepResult } from './step';
import { initialStates, type EndpointSpec, type ResolvedEvent, type Side, type StatePair, type Trace, type TraceEvent } from './types';

/** The drawings a trace widget can show. */
export const TRACE_VIEWS = ['sequence', 'state', 'table'] as const;
export type TraceViewKind = (typeof TRACE_VIEWS)[number];

/** Everything a trace widget draws. Plain JSON: it crosses into client components as props. */
export interface TraceView {
  caption: string;
  views: TraceViewKind[];
  endpoints: Record<Side, EndpointSpec>;
  /** States before the first event. */
  initial: StatePair;
  events: ResolvedEvent[];
  /** One per event: the states after it and the first error, if any. */
  steps: ReplayStep[];
  /** One sentence per event, in the page's language. */
  narration: string[];
  valid: boolean;
}

/** Replays a trace into everything its diagrams draw. Pure. */
export function traceViewOf(trace: Trace, lang: Lang, caption = trace.name ?? '', views: TraceViewKind[] = [...TRACE_VIEWS]): TraceView {
  const replay = replayTrace(trace, { lang });
  return {
    caption,
    views,
    endpoints: trace.endpoints,
    initial: initialStates(trace.endpoints),
    events: resolveEvents(trace),
    steps: replay.steps,
    narration: narrateTrace(trace, lang),
    valid: replay.valid,
  };
}

/**
 * The view after one more event, from the `step` that applied it: no replay, so extending a
 * view costs the same whatever its length. Pure.
 */
export function extendTraceView(view: TraceView, event: TraceEvent, result: StepResult, lang: Lang): TraceView {
  const events = [...view.events];
  resolveNext(events, event, (id) => {
    const at = events.findIndex((e) => e.kind === 'send' && e.id === id);
    return at < 0 ? undefined : at;
  });
  return {
    ...view,
    events,
    steps: [...view.steps, { states: statesOf(result.snapshot), error: result.finding && toStepError(result.finding, lang) }],
    narration: [...view.narration, narrateStep(events[events.length - 1] as ResolvedEvent, result, lang)],
    valid: view.valid && result.finding === null,
  };
}
