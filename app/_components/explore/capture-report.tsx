'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReadMessage } from '@/lib/capture/messages';
import { useReasonText } from './use-reason-text';

type Done = Extract<ReadMessage, { type: 'done' }>;

/** What the reader found: counts, what it skipped and why, and any damage it stopped at. */
export function CaptureReport({ result }: { result: Done }) {
  const t = useTranslations('explore');
  const format = useFormatter();
  const reasonText = useReasonText();
  const skipped = Object.entries(result.stats.skipped).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div className="space-y-3">
      <p data-testid="capture-summary">
        {t('summary', { format: result.format, packets: result.stats.packets, tcp: result.stats.tcp, connections: result.connections.length })}
      </p>
      {skipped.length > 0 && (
        <p className="text-sm text-muted">{t('skipped', { list: format.list(skipped.map(([reason, count]) => t(`skip.${reason}`, { count: count ?? 0 }))) })}</p>
      )}
      {result.errors.length > 0 && (
        <div role="alert" className="rounded-xl border border-accent bg-surface p-4" data-testid="capture-damage">
          <p className="font-medium">{t('damaged')}</p>
          <ul className="mt-2 list-disc ps-5 text-sm">
            {result.errors.map((e) => (
              <li key={`${e.packet}-${e.offset}`}>{t('damage', { packet: e.packet, offset: e.offset, message: reasonText(e.reason) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
