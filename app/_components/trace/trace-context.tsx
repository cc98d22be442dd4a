'use client';

import { createContext, useContext } from 'react';
import type { TraceView } from '@/lib/engine/trace-view';

/**
 * The one step shared by a widget's views. `step` counts events already applied:
 * 0 is before the first event, `view.events.length` is after the last.
 */
export interface TraceStep {
  view: TraceView;
  step: number;
  setStep: (step: number) => void;
  /** The DOM id prefix of this widget (a page can hold several). */
  id: string;
}

export const TraceStepContext = createContext<TraceStep | null>(null);

export function useTraceStep(): TraceStep {
  const value = useContext(TraceStepContext);
  if (!value) throw new Error('useTraceStep must be used inside a TraceWidget');
  return value;
}

/** States of A and B at a step (before any event at step 0). */
export function statesAt(view: TraceView, step: number) {
  return step === 0 ? view.initial : (view.steps[step - 1]?.states ?? view.initial);
}
