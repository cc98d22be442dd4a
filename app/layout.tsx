import type { ReactNode } from 'react';
import './globals.css';

// The real root layout (with <html lang>) is app/[locale]/layout.tsx; this one only exists so
// that app/not-found.tsx has a parent, as next-intl's App Router setup recommends.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
