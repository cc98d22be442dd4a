'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Link, usePathname } from '@/app/_lib/i18n/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { ThemeToggle } from './theme-toggle';
import { AccountMenu } from '@/app/_components/account/account-menu';

export function SiteHeader() {
  const t = useTranslations('site');
  const pathname = usePathname();
  const menu = useMenuDisclosure(pathname);
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

  // Below xl the links, account, language and theme fold behind one Menu button (eight links
  // wrapped into three rows of a 390 px phone); from xl they sit in one row beside the name.
  // Not from lg: at 1024-1279 px the English row is wider than the screen's 976 px of room and
  // wrapped into two rows, and at 1366 px only with the signed-in account stacked (AccountMenu).
  // The panel is hidden with CSS, not unmounted, so the theme control still applies the theme.
  return (
    <header ref={menu.headerRef} className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:px-6 xl:flex-nowrap">
        <Link href="/" className="mr-auto flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="rounded bg-accent px-1.5 py-0.5 font-mono text-xs text-accent-fg">
            SYN
          </span>
          {t('name')}
        </Link>
        <button
          ref={menu.buttonRef}
          type="button"
          aria-expanded={menu.open}
          aria-controls="site-menu"
          onClick={menu.toggle}
          data-testid="menu-button"
          className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2 xl:hidden"
        >
          <MenuIcon open={menu.open} />
          {t('menu')}
        </button>
        <div
          id="site-menu"
          className={`${menu.open ? 'flex' : 'hidden'} w-full flex-col gap-3 border-t border-border pt-2 pb-1 xl:flex xl:w-auto xl:flex-row xl:items-center xl:gap-3 xl:border-0 xl:p-0`}
        >
          <nav aria-label={t('mainNav')}>
            <ul className="grid grid-cols-2 gap-0.5 sm:grid-cols-4 xl:flex">
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    // Prefetching practice, progress and sandbox would load the engine's chunks on
                    // every lesson page at idle time; a click is fast enough without it.
                    prefetch={false}
                    aria-current={link.current ? 'page' : undefined}
                    onClick={menu.close}
                    className="block rounded px-2 py-2 text-sm font-medium whitespace-nowrap hover:bg-surface-2 xl:px-1.5 aria-[current=page]:bg-surface-2 aria-[current=page]:text-accent"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex flex-wrap items-center gap-3">
            <AccountMenu />
            <LanguageSwitch />
            <ThemeToggle />
          </div>
        </div>
      </div>
    </header>
  );
}

/**
 * The phone menu as a disclosure (WAI-ARIA APG): the button says whether it is expanded; Escape
 * and a click outside close it, Escape returning focus to the button; a new page closes it.
 */
function useMenuDisclosure(pathname: string) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  // Reset while rendering rather than in an effect (react.dev "adjusting state when a prop changes").
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!headerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return {
    open,
    buttonRef,
    headerRef,
    toggle: () => {
      setOpenedAt(pathname);
      setOpen((was) => !was);
    },
    close: () => setOpen(false),
  };
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
      {open ? <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" /> : <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />}
    </svg>
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
