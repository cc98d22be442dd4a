// The data a trace widget draws, from a trace: pure (engine calls only, no node:*), so lesson
// pages compute it on the server and quizzes and the sandbox compute it in the browser.
import { narrateTrace, replayTrace, resolveEvents, type Lang } from '@/lib/engine';
import type { EndpointSpec, Side, StatePair, TcpState, Trace } from '@/lib/engine/types';
import type { TraceView } from '@/lib/content/trace-view';

const ALL_VIEWS: TraceView['views'] = ['sequence', 'state', 'table'];

export function initialStates(endpoints: Record<Side, EndpointSpec>): StatePair {
  const start = (spec: EndpointSpec): TcpState => spec.initial ?? (spec.role === 'server' ? 'LISTEN' : 'CLOSED');
  return { A: start(endpoints.A), B: start(endpoints.B) };
}

/** Replays a trace into everything its diagrams draw. Pure. */
export function traceViewOf(trace: Trace, lang: Lang, caption = trace.name ?? '', views = ALL_VIEWS): TraceView {
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
