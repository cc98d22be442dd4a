'use client';

import { useMemo } from 'react';
import { useLocale } from 'next-intl';
import type { Trace } from '@/lib/engine/types';
import type { Lang } from '@/lib/engine';
import { traceViewOf } from '@/app/_lib/trace-view';
import { SequenceDiagram, type SequenceDiagramProps } from '@/app/_components/trace/sequence-diagram';
import { TraceStepContext, type TraceStep } from '@/app/_components/trace/trace-context';

/** The sequence diagram of a trace, replayed in the browser, with every event already applied. */
export function QuizDiagram({ id, trace, ...props }: { id: string; trace: Trace } & SequenceDiagramProps) {
  const lang = useLocale() as Lang;
  const view = useMemo(() => traceViewOf(trace, lang), [trace, lang]);
  const context = useMemo<TraceStep>(() => ({ view, step: view.events.length, setStep: () => {}, id }), [view, id]);
  return (
    <TraceStepContext.Provider value={context}>
      <SequenceDiagram {...props} />
    </TraceStepContext.Provider>
  );
}
