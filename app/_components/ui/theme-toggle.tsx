'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';
import { initTheme, THEME_STORAGE_KEY } from '@/app/_lib/theme-script';

const CHOICES = ['system', 'light', 'dark'] as const;
type Choice = (typeof CHOICES)[number];

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme-choice'] });
  return () => observer.disconnect();
}

function readChoice(): Choice {
  const value = document.documentElement.dataset.themeChoice;
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Cycles system → light → dark; the inline theme script applies it. */
export function ThemeToggle() {
  const t = useTranslations('theme');
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as Choice);
  // Next's 404 (an error shell rendered by the client) never ran the inline <head> script.
  useEffect(initTheme, []);
  const next = CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length] ?? 'system';

  const select = () => {
    try {
      if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage disabled: there is nowhere to keep a choice, so the OS preference stays in charge.
    }
    window.dispatchEvent(new Event('synack:theme'));
  };

  // An icon button (its name is the full "Color theme: System"), so the header stays one row.
  return (
    <button
      type="button"
      onClick={select}
      title={t('current', { choice: t(choice) })}
      data-testid="theme-toggle"
      className="inline-flex size-9 items-center justify-center rounded-md border border-border text-base hover:bg-surface-2"
    >
      <span aria-hidden="true">{choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}</span>
      <span className="sr-only">{t('current', { choice: t(choice) })}</span>
    </button>
  );
}
