'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Registers the service worker (production builds only: in development it would cache what is
 * being edited) and says so when the network is gone. Installing is offered by InstallOffer.
 */
export function OfflineSupport() {
  const t = useTranslations('revise.offline');
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/serwist/sw.js', { scope: '/' }).catch(() => {
      // No service worker (private mode, blocked): the site still works online.
    });
  }, []);

  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  return (
    <p role="status" className={offline ? 'border-b border-border bg-surface-2 px-4 py-2 text-center text-sm print:hidden' : 'sr-only'} data-testid="offline-note">
      {offline ? t('offlineNote') : ''}
    </p>
  );
}
