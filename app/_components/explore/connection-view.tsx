'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Lang } from '@/lib/engine/explain/index';
import type { ReadConnection } from '@/lib/capture/messages';
import { traceViewOf } from '@/lib/engine/trace-view';
import { TraceWidget } from '@/app/_components/trace/trace-widget';
import { CaptureQuiz } from './capture-quiz';

/** The diagrams draw every event: a long connection is shown from its start. */
const MAX_EVENTS = 300;

/** One connection stepped through in the sequence and state diagrams and the segment table. */
export function ConnectionView({ number, connection }: { number: number; connection: ReadConnection }) {
  const t = useTranslations('explore');
  const lang = useLocale() as Lang;
  const { trace, summary } = connection;
  const total = trace.events.length;
  const view = useMemo(
    () => traceViewOf({ ...trace, events: trace.events.slice(0, MAX_EVENTS) }, lang, t('caption', { number, packets: summary.packets })),
    [trace, lang, t, number, summary.packets],
  );
  return (
    <section aria-labelledby="connection-heading" data-testid="connection-view">
      <h2 id="connection-heading" className="text-xl font-semibold break-all">
        {t('selected', { number, a: summary.addresses.A, b: summary.addresses.B })}
      </h2>
      <p className={`mt-2 ${summary.valid ? 'text-ok' : 'text-danger'}`}>
        {summary.firstError ? t('firstError', { event: summary.firstError.event + 1, explain: summary.firstError.explain }) : t('conforms')}
      </p>
      {total > MAX_EVENTS && <p className="mt-1 text-sm text-muted">{t('truncated', { total, shown: MAX_EVENTS })}</p>}
      <TraceWidget id={`capture-${number}`} view={view} />
      <CaptureQuiz trace={trace} />
    </section>
  );
}
