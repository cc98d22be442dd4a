'use client';
// The header's account state: "Sign in" for a visitor, the account's name and "Sign out" once
// signed in. Read from better-auth's session endpoint after the page loads (and on each
// navigation, so it follows a sign-in), so the pages themselves stay static and cacheable.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Link, usePathname } from '@/app/_lib/i18n/navigation';

type Account = { name: string } | null;

export function AccountMenu() {
  const t = useTranslations('account');
  const pathname = usePathname();
  // undefined: not known yet (or offline): nothing is shown rather than a wrong state.
  const [account, setAccount] = useState<Account | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ user?: { name: string } } | null>) : null))
      .then((data) => live && setAccount(data?.user ? { name: data.user.name } : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pathname]);
  if (account === undefined) return null;
  const link = 'block rounded px-2 py-1.5 text-sm font-medium hover:bg-surface-2';
  if (!account) {
    return (
      <Link href={{ pathname: '/sign-in', query: { next: pathname } }} prefetch={false} className={link} data-testid="account-menu">
        {t('signIn')}
      </Link>
    );
  }
  // In the desktop header row the name sits above "Sign out", not beside it: side by side they
  // took 220 px, and the English row wrapped at 1366 px once signed in.
  return (
    <span className="flex items-center gap-1 text-sm xl:flex-col xl:items-end xl:gap-0" data-testid="account-menu">
      <span className="max-w-[9rem] truncate text-muted xl:text-xs" title={account.name}>{account.name}</span>
      <Link href="/sign-out" prefetch={false} className={`${link} xl:py-0`}>{t('signOut')}</Link>
    </span>
  );
}
