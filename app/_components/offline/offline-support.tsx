'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Chromium's install event; not in the DOM typings. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'synack:install-dismissed';
const ASK_AGAIN_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

function dismissedRecently(): boolean {
  try {
    const at = Number(localStorage.getItem(DISMISSED_KEY));
    return Number.isFinite(at) && Date.now() - at < ASK_AGAIN_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Registers the service worker (production builds only: in development it would cache what is
 * being edited), says so when the network is gone, and offers installing the app in a small
 * banner that a "not now" puts away for a month.
 */
export function OfflineSupport() {
  const t = useTranslations('revise.offline');
  const [install, setInstall] = useState<InstallPromptEvent | null>(null);
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

  useEffect(() => {
    const offer = (event: Event) => {
      event.preventDefault();
      if (!dismissedRecently()) setInstall(event as InstallPromptEvent);
    };
    const installed = () => setInstall(null);
    window.addEventListener('beforeinstallprompt', offer);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener('beforeinstallprompt', offer);
      window.removeEventListener('appinstalled', installed);
    };
  }, []);

  function dismiss() {
    try {
      localStorage.setItem(DISMISSED_KEY, String(Date.now()));
    } catch {
      // storage disabled: the banner just comes back next visit
    }
    setInstall(null);
  }

  async function accept() {
    if (!install) return;
    await install.prompt();
    setInstall(null);
  }

  return (
    <>
      <p role="status" className={offline ? 'border-b border-border bg-surface-2 px-4 py-2 text-center text-sm print:hidden' : 'sr-only'} data-testid="offline-note">
        {offline ? t('offlineNote') : ''}
      </p>
      {install && (
        <aside aria-label={t('install')} className="fixed bottom-4 right-4 z-40 flex max-w-xs flex-wrap items-center gap-2 rounded-lg border border-border bg-surface p-3 text-sm shadow-lg print:hidden">
          <p className="w-full font-medium">{t('install')}</p>
          <button type="button" onClick={accept} className="min-h-10 rounded-md bg-accent px-3 font-semibold text-accent-fg">
            {t('installButton')}
          </button>
          <button type="button" onClick={dismiss} className="min-h-10 rounded-md border border-border px-3">
            {t('dismiss')}
          </button>
        </aside>
      )}
    </>
  );
}
