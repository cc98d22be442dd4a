'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

/** One QueryClient per browser session (per request on the server), as TanStack's App Router guide does. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }),
  );
  // The page's own effects have run by now (a parent's effect runs after its children's): from here a
  // click or a keystroke reaches React. Browser tests wait for this mark before they act.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
