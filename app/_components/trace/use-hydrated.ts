import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while the server renders (and during hydration), true in the browser after it. Lesson
 * pages draw their diagrams only then: the SVG of every step of every widget made the HTML
 * several times larger and slower to render than the rest of the page, and the drawing is
 * interactive anyway (the segment table is the text the server sends).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
