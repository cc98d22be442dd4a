'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signOutHere } from '@/app/_lib/account-progress';
import { useRouter } from '@/app/_lib/i18n/navigation';

export function SignOutButton() {
  const t = useTranslations('account');
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  async function signOut() {
    if (!(await signOutHere())) return setFailed(true);
    router.push('/');
    router.refresh();
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={signOut} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg hover:opacity-90">
        {t('signOut')}
      </button>
      {failed && <p role="alert" className="text-danger">{t('errors.offline')}</p>}
    </div>
  );
}
