'use client';

import { useMemo } from 'react';
import { useLocale } from 'next-intl';
import { traceViewOf, type Lang, type Trace, type TraceView } from '@/lib/engine';
import { SequenceDiagram, type SequenceDiagramProps } from '@/app/_components/trace/sequence-diagram';
import { TraceStepContext, type TraceStep } from '@/app/_components/trace/trace-context';

/** The sequence diagram of a trace view, with every event already applied. */
export function ViewDiagram({ id, view, ...props }: { id: string; view: TraceView } & SequenceDiagramProps) {
  const context = useMemo<TraceStep>(() => ({ view, step: view.events.length, setStep: () => {}, id }), [view, id]);
  return (
    <TraceStepContext.Provider value={context}>
      <SequenceDiagram {...props} />
    </TraceStepContext.Provider>
  );
}

/** The sequence diagram of a trace, replayed in the browser. */
export function QuizDiagram({ trace, ...props }: { id: string; trace: Trace } & SequenceDiagramProps) {
  const lang = useLocale() as Lang;
  const view = useMemo(() => traceViewOf(trace, lang), [trace, lang]);
  return <ViewDiagram view={view} {...props} />;
}
