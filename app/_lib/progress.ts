'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** Completed lesson slugs, kept in localStorage (no account needed). */
const KEY = 'synack:progress';
const EVENT = 'synack:progress';
const EMPTY: readonly string[] = [];

let lastRaw: string | null = null;
let lastValue: readonly string[] = EMPTY;

function read(): readonly string[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return EMPTY;
  }
  // Same string, same array: useSyncExternalStore needs a stable snapshot.
  if (raw === lastRaw) return lastValue;
  lastRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    lastValue = Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : EMPTY;
  } catch {
    lastValue = EMPTY;
  }
  return lastValue;
}

function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) onChange();
  };
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

function write(slugs: readonly string[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify([...new Set(slugs)]));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(EVENT));
}

export function useProgress() {
  const completed = useSyncExternalStore(subscribe, read, () => EMPTY);
  const setComplete = useCallback((slug: string, done: boolean) => {
    const current = read();
    write(done ? [...current, slug] : current.filter((s) => s !== slug));
  }, []);
  const reset = useCallback(() => write([]), []);
  return { completed, setComplete, reset };
}
