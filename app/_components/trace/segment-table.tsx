'use client';

import { useTranslations } from 'next-intl';
import { flagsText, segmentOf } from '@/lib/engine/segments';
import { otherSide, type ResolvedEvent } from '@/lib/engine/types';
import { ScrollArea } from '@/app/_components/ui/scroll-area';
import { statesAt, useTraceStep } from './trace-context';

/** Every row is one line (cells do not wrap): 32 px and a 1 px rule, so the table's room is known before it is drawn. */
const ROW_PX = 33;

/**
 * The text alternative of the diagrams: one row per event, the current one highlighted. `drawn`
 * false (before hydration) keeps the table's room (a header, a start row and a row per event).
 */
export function SegmentTable({ drawn = true }: { drawn?: boolean }) {
  const t = useTranslations('trace');
  const { view, id } = useTraceStep();
  return (
    <div>
      <h3 id={`${id}-table-title`} className="mb-2 text-sm font-semibold text-muted">
        {t('table')}
      </h3>
      {drawn ? (
        <SegmentRows />
      ) : (
        // A header, a start row and a row per event. The rows' words wait for the table itself:
        // formatting them for a dozen hidden tables took 6% of a lesson's server time.
        <div aria-hidden="true" className="rounded-lg border border-border" style={{ height: `${2 + 32 + (view.events.length + 1) * ROW_PX}px` }} />
      )}
    </div>
  );
}

/** The table itself, drawn once the page is interactive. */
function SegmentRows() {
  const t = useTranslations('trace');
  const { view, step, id } = useTraceStep();

  // What happened, in the learner's words: the segment's own fields are in the next columns.
  const describe = (event: ResolvedEvent): string => {
    switch (event.kind) {
      case 'send':
        return t('rowSend', { from: event.segment.from });
      case 'segment':
        return t('rowSegment', { from: event.segment.from, to: otherSide(event.segment.from) });
      case 'deliver':
      case 'drop': {
        const to = event.segment ? otherSide(event.segment.from) : '—';
        return t(event.kind === 'deliver' ? 'rowDeliver' : 'rowDrop', { to });
      }
      case 'app':
        return t('app', { side: event.at, call: event.call });
      case 'timeout':
        return t('timeout', { side: event.at, timer: t(`timers.${event.timer}`) });
      case 'expect':
        return t('checkpoint', { a: event.states.A ?? '—', b: event.states.B ?? '—' });
    }
  };
  const cell = 'whitespace-nowrap px-2 py-1.5';
  const rows = [
    { key: 'start', number: 0, what: '—', segment: null, states: view.initial, error: null },
    ...view.events.map((event, index) => ({
      key: String(index),
      number: index + 1,
      what: describe(event),
      segment: segmentOf(event),
      states: statesAt(view, index + 1),
      error: view.steps[index]?.error ?? null,
    })),
  ];

  return (
    <ScrollArea labelledBy={`${id}-table-title`} className="rounded-lg border border-border" testId="segment-table">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead className="bg-surface-2">
          <tr>
            {(['colEvent', 'colWhat', 'colFlags', 'colSeq', 'colAck', 'colLen', 'colStateA', 'colStateB'] as const).map(
              (column) => (
                <th key={column} scope="col" className={`${cell} font-semibold`}>
                  {t(column)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((row) => {
            const current = row.number === step;
            return (
              <tr
                key={row.key}
                aria-current={current ? 'step' : undefined}
                data-current={current || undefined}
                className={`border-t border-border ${current ? 'bg-[var(--row-highlight)] font-bold' : ''}`}
              >
                <th scope="row" className={`${cell} font-normal`}>
                  {row.number}
                  {current && <span className="sr-only"> {t('current')}</span>}
                </th>
                <td className={`${cell} font-sans`}>
                  {row.what}
                  {row.error && (
                    <span className="block whitespace-normal text-danger">⚠ {row.error.explain}</span>
                  )}
                </td>
                <td className={cell}>{row.segment ? flagsText(row.segment.flags) || '—' : '—'}</td>
                <td className={cell}>{row.segment?.seq ?? '—'}</td>
                <td className={cell}>{row.segment?.ack ?? '—'}</td>
                <td className={cell}>{row.segment?.len ?? '—'}</td>
                <td className={cell} style={{ color: 'var(--side-a)' }}>{row.states.A}</td>
                <td className={cell} style={{ color: 'var(--side-b)' }}>{row.states.B}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
