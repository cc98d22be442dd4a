'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { usePathname } from '@/app/_lib/i18n/navigation';

/** Chromium's install event; not in the DOM typings. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'synack:install-dismissed';
const ASK_AGAIN_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** Pages where an offer would interrupt: a mock exam against the clock, the sheet being printed. */
const QUIET = /^\/revise\/(exam|sheet)(\/|$)/;

function dismissedRecently(): boolean {
  try {
    const at = Number(localStorage.getItem(DISMISSED_KEY));
    return Number.isFinite(at) && Date.now() - at < ASK_AGAIN_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Offers installing the app, out of the way: at the end of the page (in the flow, so it covers
 * nothing and moves nothing above it), never on the first page a visit opens, never during a mock
 * exam or on the sheet, and a "not now" puts it away for a month.
 */
export function InstallOffer() {
  const t = useTranslations('revise.offline');
  const pathname = usePathname();
  const [install, setInstall] = useState<InstallPromptEvent | null>(null);
  const [pagesSeen, setPagesSeen] = useState(0);

  useEffect(() => setPagesSeen((n) => n + 1), [pathname]);

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
      // storage disabled: the offer just comes back next visit
    }
    setInstall(null);
  }

  async function accept() {
    if (!install) return;
    await install.prompt();
    setInstall(null);
  }

  if (!install || pagesSeen < 2 || QUIET.test(pathname)) return null;
  return (
    <aside aria-label={t('install')} data-testid="install-offer" className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-2 px-4 pb-6 text-sm sm:px-6 print:hidden">
      <p className="font-medium">{t('install')}</p>
      <button type="button" onClick={accept} className="min-h-10 rounded-md bg-accent px-3 font-semibold text-accent-fg">
        {t('installButton')}
      </button>
      <button type="button" onClick={dismiss} className="min-h-10 rounded-md border border-border px-3">
        {t('dismiss')}
      </button>
    </aside>
  );
}
