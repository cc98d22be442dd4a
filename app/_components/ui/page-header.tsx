import type { ReactNode } from 'react';

/** A page's title and the sentence under it that says what the page is for (kept to a readable measure). */
export function PageHeader({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {intro && <p className="mt-3 max-w-3xl text-muted">{intro}</p>}
    </>
  );
}
