'use client';

import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A box that scrolls sideways when its content is wider than the screen, and shows it: a fade
 * with an arrow on each edge that hides something. The marks lie over the content (they take no
 * room), so the page does not move when they appear after hydration.
 */
export function ScrollArea({
  children,
  label,
  labelledBy,
  className = '',
  testId,
  boxRef,
}: {
  children: ReactNode;
  label?: string;
  labelledBy?: string;
  className?: string;
  testId?: string;
  /** For a caller that scrolls the box itself (the state diagram keeps the current states in view). */
  boxRef?: RefObject<HTMLDivElement | null>;
}) {
  const own = useRef<HTMLDivElement>(null);
  const box = boxRef ?? own;
  const [hidden, setHidden] = useState({ start: false, end: false });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const end = element.scrollWidth - element.clientWidth - element.scrollLeft;
      setHidden({ start: element.scrollLeft > 1, end: end > 1 });
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [box]);

  return (
    <div className="relative">
      <div
        ref={box}
        tabIndex={0}
        role="group"
        aria-label={label}
        aria-labelledby={labelledBy}
        data-testid={testId}
        data-scrolls={hidden.start || hidden.end ? (hidden.end ? 'more-right' : 'more-left') : undefined}
        className={`overflow-x-auto overscroll-x-contain ${className}`}
      >
        {children}
      </div>
      {hidden.start && <Edge side="start" />}
      {hidden.end && <Edge side="end" />}
    </div>
  );
}

function Edge({ side }: { side: 'start' | 'end' }) {
  const start = side === 'start';
  return (
    <div
      aria-hidden="true"
      data-testid={`scroll-more-${side}`}
      className={`pointer-events-none absolute inset-y-0 flex w-10 items-center ${
        start ? 'left-0 justify-start bg-gradient-to-r' : 'right-0 justify-end bg-gradient-to-l'
      } from-surface via-surface/70 to-transparent`}
    >
      <span className="mx-0.5 inline-flex size-6 items-center justify-center rounded-full border border-border bg-surface text-sm font-bold text-muted shadow-sm">
        {start ? '‹' : '›'}
      </span>
    </div>
  );
}
