'use client';
// Exam mode's clock: the time left until the attempt's deadline, on the server's clock (the view
// carries it, so a device set wrong neither gains nor loses time), a warning in the last minute,
// and a call when it reaches 0:00 so the page locks itself (the server refuses late answers anyway).
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { formatClock } from '@/app/_components/revise/format';

const WARN_MS = 60_000;

/** `note`: said beside the clock for good (the attempt ends at the due time, before its limit). */
export function Countdown({ deadline, serverNow, onEnd, note }: { deadline: number; serverNow: number; onEnd: () => void; note?: string }) {
  const t = useTranslations('classes.take');
  // How far the device's clock is from the server's, measured when the view arrived.
  const [skew] = useState(() => serverNow - Date.now());
  /** Null until mounted: the server's render and the browser's first one must match. */
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => {
      const ms = deadline - (Date.now() + skew);
      setLeft(Math.max(0, ms));
      if (ms <= 0) onEnd();
      return ms;
    };
    if (tick() <= 0) return;
    const timer = window.setInterval(() => {
      if (tick() <= 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, skew, onEnd]);
  const warn = left !== null && left > 0 && left <= WARN_MS;
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-border bg-bg py-2">
      <p className="font-mono text-lg font-semibold tabular-nums" data-testid="countdown">
        {left === null ? '' : t('timeLeft', { time: formatClock(left) })}
      </p>
      {note && <p className="text-sm font-medium" data-testid="real-end">{note}</p>}
      <p aria-live="polite" className="text-sm font-medium text-danger" data-testid="countdown-warning">
        {warn ? t('timeWarning') : ''}
      </p>
    </div>
  );
}
