'use client';

import { useTranslations } from 'next-intl';
import type { ConnectionSummary } from '@/lib/capture/summary';

const ANOMALIES = ['retransmissions', 'duplicateAcks', 'resets', 'lost', 'rejected'] as const;

/** The capture's connections, one row each: endpoints, packets, how it ended, anomalies. */
export function ConnectionList({ connections, selected, onSelect }: { connections: ConnectionSummary[]; selected: number | null; onSelect: (index: number) => void }) {
  const t = useTranslations('explore');
  return (
    <section aria-labelledby="connections-heading">
      <h2 id="connections-heading" className="text-xl font-semibold">
        {t('connections')}
      </h2>
      <div className="relative mt-3 overflow-x-auto rounded-xl border border-border">
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
            {connections.map((c, i) => {
              const anomalies = ANOMALIES.filter((a) => c.anomalies[a] > 0).map((a) => t(`anomaly.${a}`, { count: c.anomalies[a] }));
              return (
                <tr key={c.name} aria-selected={selected === i} className="border-t border-border aria-selected:bg-surface-2">
                  <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">
                    {c.addresses.A} ↔ {c.addresses.B}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{c.packets}</td>
                  <td className="px-3 py-2">{t(`ending.${c.ending}`)}</td>
                  <td className={`px-3 py-2 ${c.valid ? '' : 'text-danger'}`}>{anomalies.length > 0 ? anomalies.join(', ') : t('anomaly.none')}</td>
                  <td className="px-3 py-2">
                    <button type="button" onClick={() => onSelect(i)} aria-pressed={selected === i} className="min-h-10 rounded-md border border-border px-3 whitespace-nowrap hover:bg-surface-2 aria-pressed:border-accent">
                      {t('open')}
                      <span className="sr-only"> {i + 1}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
