'use client';

import { useTranslations } from 'next-intl';
import type { ConnectionSummary } from '@/lib/capture/summary';

const ANOMALIES = ['retransmissions', 'duplicateAcks', 'resets', 'lost', 'rejected'] as const;

interface Props {
  connections: ConnectionSummary[];
  selected: number | null;
  onSelect: (index: number) => void;
}

/**
 * The capture's connections: endpoints, packets, how each ended, anomalies. A table from the
 * `sm` breakpoint up; on a phone, one card each, since six columns cannot fit 390 px without
 * scrolling sideways. Only one of the two is displayed, so each button is reachable once.
 */
export function ConnectionList({ connections, selected, onSelect }: Props) {
  const t = useTranslations('explore');
  const anomaliesOf = (c: ConnectionSummary) => {
    const found = ANOMALIES.filter((a) => c.anomalies[a] > 0).map((a) => t(`anomaly.${a}`, { count: c.anomalies[a] }));
    return found.length > 0 ? found.join(t('listSeparator')) : t('anomaly.none');
  };
  const open = (i: number) => (
    <button type="button" onClick={() => onSelect(i)} aria-pressed={selected === i} className="min-h-10 shrink-0 rounded-md border border-border px-3 whitespace-nowrap hover:bg-surface-2 aria-pressed:border-accent">
      {t('open')}
      <span className="sr-only"> {i + 1}</span>
    </button>
  );
  return (
    <section aria-labelledby="connections-heading">
      <h2 id="connections-heading" className="text-xl font-semibold">
        {t('connections')}
      </h2>
      <ol className="mt-3 space-y-3 sm:hidden" data-testid="connection-cards">
        {connections.map((c, i) => (
          <li key={c.name} className={`rounded-xl border p-3 ${selected === i ? 'border-accent bg-surface-2' : 'border-border bg-surface'}`}>
            <div className="flex items-start justify-between gap-3">
              <h3 className="font-semibold">{t('card', { number: i + 1 })}</h3>
              {open(i)}
            </div>
            {/* A long IPv6 endpoint may break anywhere, but only when it cannot fit its line. */}
            <p className="mt-1 font-mono text-xs [overflow-wrap:anywhere]">
              {c.addresses.A}
              <br />↔ {c.addresses.B}
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted">{t('columns.packets')}</dt>
              <dd className="tabular-nums">{c.packets}</dd>
              <dt className="text-muted">{t('columns.ending')}</dt>
              <dd>{t(`ending.${c.ending}`)}</dd>
              <dt className="text-muted">{t('columns.anomalies')}</dt>
              <dd className={c.valid ? '' : 'text-danger'}>{anomaliesOf(c)}</dd>
            </dl>
          </li>
        ))}
      </ol>
      <div className="relative mt-3 hidden overflow-x-auto rounded-xl border border-border sm:block">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="connection-list">
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className="px-3 py-2">{t('columns.number')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.endpoints')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.packets')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.ending')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.anomalies')}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t('open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c, i) => (
              <tr key={c.name} aria-selected={selected === i} className="border-t border-border aria-selected:bg-surface-2">
                <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                {/* Each endpoint stays whole: the line breaks only before the arrow. */}
                <td className="px-3 py-2 font-mono text-xs">
                  <span className="whitespace-nowrap">{c.addresses.A}</span> <span className="whitespace-nowrap">↔ {c.addresses.B}</span>
                </td>
                <td className="px-3 py-2 tabular-nums">{c.packets}</td>
                <td className="px-3 py-2">{t(`ending.${c.ending}`)}</td>
                <td className={`px-3 py-2 ${c.valid ? '' : 'text-danger'}`}>{anomaliesOf(c)}</td>
                <td className="px-3 py-2">{open(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
