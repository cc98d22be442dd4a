'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { Lang } from '@/lib/engine/explain/index';
import type { ReadMessage, ReadRequest } from '@/lib/capture/messages';
import type { CaptureReason } from '@/lib/capture/errors';
import { ConnectionList } from './connection-list';
import { ConnectionView } from './connection-view';
import { CaptureReport } from './capture-report';
import { useReasonText } from './use-reason-text';

export interface Sample {
  id: string;
  href: string;
}

type Done = Extract<ReadMessage, { type: 'done' }>;

type Status =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; read: number; total: number }
  | { kind: 'failed'; message: string; reason: CaptureReason | null }
  | { kind: 'done'; name: string; result: Done };

const formatBytes = (n: number, locale: string) =>
  n < 1024 * 1024 ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024)} kB` : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;

/**
 * The explore page's client side: a file is dropped or chosen (or a sample fetched), read in a
 * Web Worker with a progress bar, then listed connection by connection; one is stepped through.
 */
export function CaptureExplorer({ samples }: { samples: Sample[] }) {
  const t = useTranslations('explore');
  const locale = useLocale();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [selected, setSelected] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);
  const readId = useRef(0);
  const viewRef = useRef<HTMLDivElement>(null);
  const reasonText = useReasonText();

  // One worker for the page's lifetime: Turbopack's worker bootstrap does not survive starting a
  // second Worker after the first was terminated, and a read that is replaced is told apart by its id.
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const read = useCallback(
    (file: Blob, name: string) => {
      const id = ++readId.current;
      setSelected(null);
      setStatus({ kind: 'reading', name, read: 0, total: file.size });
      const w = (worker.current ??= new Worker(new URL('../../_workers/capture-reader.worker.ts', import.meta.url)));
      w.onmessage = (event: MessageEvent<ReadMessage>) => {
        const m = event.data;
        if (m.id !== readId.current) return;
        if (m.type === 'progress') setStatus({ kind: 'reading', name, read: m.read, total: m.total });
        else if (m.type === 'done') setStatus({ kind: 'done', name, result: m });
        else setStatus({ kind: 'failed', message: m.message, reason: m.reason });
      };
      w.onerror = (event) => {
        w.terminate();
        worker.current = null;
        setStatus({ kind: 'failed', message: t('workerFailed', { message: event.message || 'error' }), reason: null });
      };
      w.postMessage({ id, file, lang: locale as Lang } satisfies ReadRequest);
    },
    [locale, t],
  );

  const readSample = async (sample: Sample) => {
    try {
      const response = await fetch(sample.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      read(await response.blob(), sample.href.split('/').pop() ?? sample.id);
    } catch (e) {
      setStatus({ kind: 'failed', message: (e as Error).message, reason: null });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) read(file, file.name);
  };

  const select = (index: number) => {
    setSelected(index);
    requestAnimationFrame(() => viewRef.current?.focus());
  };

  const result = status.kind === 'done' ? status.result : null;
  const chosen = result && selected !== null ? result.connections[selected] : undefined;

  return (
    <div className="space-y-6">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dragging={dragging || undefined}
        className="rounded-xl border-2 border-dashed border-border bg-surface p-6 text-center data-[dragging]:border-accent data-[dragging]:bg-surface-2"
      >
        <p className="font-medium">{t('drop')}</p>
        <label className="mt-3 inline-flex min-h-11 cursor-pointer items-center rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg focus-within:outline focus-within:outline-2 focus-within:outline-offset-2">
          {t('choose')}
          <input
            type="file"
            accept=".pcap,.pcapng,.cap,application/vnd.tcpdump.pcap"
            className="sr-only"
            data-testid="capture-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) read(file, file.name);
              event.target.value = '';
            }}
          />
        </label>
        <div className="mt-5">
          <p className="text-sm text-muted">{t('samplesTitle')}</p>
          <ul className="mt-2 flex flex-wrap justify-center gap-2">
            {samples.map((sample) => (
              <li key={sample.id}>
                <button type="button" onClick={() => void readSample(sample)} className="min-h-10 rounded-md border border-border bg-surface px-3 py-1.5 text-sm hover:bg-surface-2">
                  {t(`samples.${sample.id}`)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>

      {status.kind === 'reading' && (
        <div role="status" className="rounded-xl border border-border bg-surface p-4">
          <p className="font-medium">{t('reading', { name: status.name })}</p>
          <progress className="mt-2 h-2 w-full accent-accent" max={Math.max(1, status.total)} value={status.read} aria-label={t('reading', { name: status.name })} />
          <div className="mt-2 flex items-center justify-between gap-2 text-sm text-muted">
            <span>{t('progress', { read: formatBytes(status.read, locale), total: formatBytes(status.total, locale) })}</span>
            <button
              type="button"
              className="min-h-10 rounded-md border border-border px-3 hover:bg-surface-2"
              onClick={() => {
                worker.current?.postMessage({ id: ++readId.current, cancel: true } satisfies ReadRequest);
                setStatus({ kind: 'idle' });
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}

      {status.kind === 'failed' && (
        <div role="alert" className="rounded-xl border border-danger bg-surface p-4 text-danger" data-testid="capture-error">
          {status.reason ? t('unreadable', { message: reasonText(status.reason) }) : status.message}
        </div>
      )}

      {result && (
        <>
          <CaptureReport result={result} />
          {result.connections.length === 0 ? (
            <p>{t('noConnections')}</p>
          ) : (
            <ConnectionList connections={result.connections.map((c) => c.summary)} selected={selected} onSelect={select} />
          )}
        </>
      )}

      {chosen && selected !== null && (
        <div ref={viewRef} tabIndex={-1} className="outline-none">
          <ConnectionView key={`${status.kind === 'done' ? status.name : ''}-${selected}`} number={selected + 1} connection={chosen} />
        </div>
      )}
    </div>
  );
}
