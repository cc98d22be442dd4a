'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/app/_lib/i18n/navigation';

const PAGES = [
  { href: '/revise', key: 'home' },
  { href: '/revise/review', key: 'review' },
  { href: '/revise/exam', key: 'exam' },
  { href: '/revise/mistakes', key: 'mistakes' },
  { href: '/revise/sheet', key: 'sheet' },
] as const;

/** The revision pages' own navigation; not printed. */
export function ReviseNav() {
  const t = useTranslations('revise.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('home')} className="print:hidden">
      <ul className="flex flex-wrap gap-1 border-b border-border pb-2">
        {PAGES.map((p) => (
          <li key={p.href}>
            <Link
              href={p.href}
              prefetch={false}
              aria-current={pathname === p.href ? 'page' : undefined}
              className="block rounded px-3 py-2 text-sm font-medium hover:bg-surface-2 aria-[current=page]:bg-surface-2 aria-[current=page]:text-accent"
            >
              {t(p.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
