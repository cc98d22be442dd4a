import type { ReactNode } from 'react';
import { ReviseNav } from '@/app/_components/revise/revise-nav';

export default function ReviseLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <ReviseNav />
      {children}
    </div>
  );
}
