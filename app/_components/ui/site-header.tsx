'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/app/_lib/i18n/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { ThemeToggle } from './theme-toggle';
import { AccountMenu } from '@/app/_components/account/account-menu';

export function SiteHeader() {
  const t = useTranslations('site');
  const pathname = usePathname();
  const links = [
    { href: '/', label: t('home'), current: pathname === '/' },
    { href: '/practice', label: t('practice'), current: pathname === '/practice' },
    { href: '/progress', label: t('progress'), current: pathname === '/progress' },
    { href: '/revise', label: t('revise'), current: pathname.startsWith('/revise') },
    { href: '/sandbox', label: t('sandbox'), current: pathname === '/sandbox' },
    { href: '/explore', label: t('explore'), current: pathname === '/explore' },
    { href: '/glossary', label: t('glossary'), current: pathname === '/glossary' },
    { href: '/classes', label: t('classes'), current: pathname.startsWith('/classes') },
  ];

  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="mr-auto flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="rounded bg-accent px-1.5 py-0.5 font-mono text-xs text-accent-fg">
            SYN
          </span>
          {t('name')}
        </Link>
        <nav aria-label={t('mainNav')} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-0.5">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  // Prefetching practice, progress and sandbox would load the engine's chunks on
                  // every lesson page at idle time; a click is fast enough without it.
                  prefetch={false}
                  aria-current={link.current ? 'page' : undefined}
                  className="block rounded px-2 py-2 text-sm font-medium hover:bg-surface-2 aria-[current=page]:bg-surface-2 aria-[current=page]:text-accent"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
        <LanguageSwitch />
        <ThemeToggle />
      </div>
    </header>
  );
}

/** Links to the same page in each language (keeps the current path). */
function LanguageSwitch() {
  const t = useTranslations('language');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <ul className="flex rounded-md border border-border text-sm">
        {routing.locales.map((other) => (
          <li key={other}>
            <Link
              href={pathname}
              locale={other}
              lang={other}
              hrefLang={other}
              aria-current={other === locale ? 'true' : undefined}
              // The query is the page's state (a practice set, a share link): the other language keeps it.
              onClick={(e) => {
                const { search, hash } = window.location;
                if (!search) return;
                e.preventDefault();
                window.location.assign(`/${other}${pathname === '/' ? '' : pathname}${search}${hash}`);
              }}
              className="block px-3 py-1.5 hover:bg-surface-2 aria-[current=true]:bg-accent aria-[current=true]:text-accent-fg"
            >
              {t(other)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
