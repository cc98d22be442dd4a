import { useId, type HTMLAttributes, type ReactNode } from 'react';

type SectionProps = Omit<HTMLAttributes<HTMLElement>, 'title' | 'children' | 'aria-labelledby'>;

/**
 * A bordered section named by its own heading (the heading labels the section for screen
 * readers). `level` keeps the page's heading order; `large` is for a panel that stands alone.
 */
export function TitledPanel({
  title,
  level = 3,
  large = false,
  className = '',
  children,
  ...section
}: SectionProps & { title: ReactNode; level?: 2 | 3; large?: boolean; children: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section {...section} aria-labelledby={id} className={`rounded-lg border border-border bg-surface p-4 ${className}`}>
      <Heading id={id} className={large ? 'text-lg font-semibold' : 'font-semibold'}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
