'use client';

import { useTranslations } from 'next-intl';
import type { ResolvedEvent } from '@/lib/engine/types';
import { statesAt, useTraceStep } from './trace-context';
import { flagsLabel, segmentOf } from './trace-format';

/** About the table's height for `events` events (a header, a start row and a row each), in px. */
export const segmentTableHeight = (events: number) => 64 + (events + 2) * 33;

/** The text alternative of the diagrams: one row per event, the current one highlighted. */
export function SegmentTable() {
  const t = useTranslations('trace');
  const { view, step, id } = useTraceStep();

  const describe = (event: ResolvedEvent): string => {
    switch (event.kind) {
      case 'send':
        return t('sendShort', { id: event.id });
      case 'segment':
        return t('segmentShort');
      case 'deliver':
        return t('deliver', { id: event.id });
      case 'drop':
        return t('drop', { id: event.id });
      case 'app':
        return t('app', { call: t(`calls.${event.call}`) });
      case 'timeout':
        return t('timeout', { timer: t(`timers.${event.timer}`) });
      case 'expect':
        return t('expect', { a: event.states.A ?? t('any'), b: event.states.B ?? t('any') });
    }
  };
  const actor = (event: ResolvedEvent): string => {
    if (event.kind === 'app' || event.kind === 'timeout') return event.at;
    return segmentOf(event)?.from ?? '—';
  };

  const cell = 'whitespace-nowrap px-2 py-1.5';
  const rows = [
    { key: 'start', number: 0, what: '—', actor: '—', segment: null, states: view.initial, error: null },
    ...view.events.map((event, index) => ({
      key: String(index),
      number: index + 1,
      what: describe(event),
      actor: actor(event),
      segment: segmentOf(event),
      states: statesAt(view, index + 1),
      error: view.steps[index]?.error ?? null,
    })),
  ];

  return (
    <div>
      <h3 id={`${id}-table-title`} className="mb-2 text-sm font-semibold text-muted">
        {t('table')}
      </h3>
      <div tabIndex={0} role="group" aria-labelledby={`${id}-table-title`} className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead className="bg-surface-2">
            <tr>
              {(['colEvent', 'colWhat', 'colSender', 'colFlags', 'colSeq', 'colAck', 'colLen', 'colStateA', 'colStateB'] as const).map(
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
                    {current && <span className="sr-only"> ({t('current')})</span>}
                  </th>
                  <td className={`${cell} min-w-44 whitespace-normal font-sans`}>
                    {row.what}
                    {row.error && (
                      <span className="block whitespace-normal text-danger">⚠ {row.error.explain}</span>
                    )}
                  </td>
                  <td className={cell}>{row.actor}</td>
                  <td className={cell}>{row.segment ? flagsLabel(row.segment.flags) : '—'}</td>
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
      </div>
    </div>
  );
}
