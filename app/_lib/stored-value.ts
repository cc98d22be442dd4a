'use client';
// A value kept in localStorage, shared by every component that reads it and kept in step across
// tabs: the learner's progress lives here until an account exists.
import { useSyncExternalStore } from 'react';

export interface StoredValue<T> {
  read(): T;
  write(value: T): void;
  /** The current value; re-renders when it changes, in this tab or another. */
  useValue(): T;
}

/**
 * `parse` turns what is stored (or null) into a value. It must accept anything, since storage
 * is the user's to edit: corrupt data should give `empty`, never an exception.
 */
export function storedValue<T>(key: string, parse: (raw: string | null) => T, empty: T): StoredValue<T> {
  const event = `${key}:changed`;
  let lastRaw: string | null | undefined;
  let lastValue = empty;

  function read(): T {
    let raw: string | null;
    try {
      raw = localStorage.getItem(key);
    } catch {
      return empty;
    }
    // Same string, same object: useSyncExternalStore needs a stable snapshot.
    if (raw === lastRaw) return lastValue;
    lastRaw = raw;
    lastValue = parse(raw);
    return lastValue;
  }

  function subscribe(onChange: () => void): () => void {
    const onStorage = (e: StorageEvent) => {
      if (e.key === key) onChange();
    };
    window.addEventListener(event, onChange);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(event, onChange);
      window.removeEventListener('storage', onStorage);
    };
  }

  function write(value: T): void {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      return; // storage full or disabled: progress is a convenience, not worth an error
    }
    window.dispatchEvent(new Event(event));
  }

  return { read, write, useValue: () => useSyncExternalStore(subscribe, read, () => empty) };
}
