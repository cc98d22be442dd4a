'use client';
// Sign-in and sign-up: one form, posting to better-auth's endpoints. Errors are shown beside the
// form in the learner's language; on success local progress moves into the account.
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useRouter } from '@/app/_lib/i18n/navigation';
import { syncLocalProgress } from '@/app/_lib/account-progress';

type Mode = 'sign-in' | 'sign-up';

const ERROR_KEYS: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'errors.invalid',
  USER_ALREADY_EXISTS: 'errors.exists',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'errors.exists',
  PASSWORD_TOO_SHORT: 'errors.short',
  INVALID_EMAIL: 'errors.email',
};

const input = 'mt-1 block w-full rounded-md border border-border bg-bg px-3 py-2';

export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const t = useTranslations('account');
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  /** A wrong instructor code is the code field's error: marked there, and focused to be fixed. */
  const [codeError, setCodeError] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries([...form].filter(([, v]) => v !== ''));
    setBusy(true);
    setError(null);
    setCodeError(false);
    try {
      const response = await fetch(`/api/auth/${mode}/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) {
        const data = (await response.json().catch(() => ({}))) as { code?: string };
        if (data.code === 'WRONG_INSTRUCTOR_CODE') {
          setCodeError(true);
          codeInput.current?.focus();
          return;
        }
        setError(t(response.status === 429 ? 'errors.tooMany' : (ERROR_KEYS[data.code ?? ''] ?? 'errors.generic')));
        return;
      }
      const { user } = (await response.json()) as { user: { id: string } };
      await syncLocalProgress(user.id);
      router.push(next);
      router.refresh();
    } catch {
      setError(t('errors.offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined} className="max-w-md space-y-4">
      {mode === 'sign-up' && (
        <div>
          <label htmlFor={`${id}-name`} className="block font-medium">{t('name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={100} autoComplete="name" className={input} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block font-medium">{t('email')}</label>
        <input id={`${id}-email`} name="email" type="email" required autoComplete="email" className={input} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block font-medium">{t('password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          required
          minLength={mode === 'sign-up' ? 8 : undefined}
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          aria-describedby={mode === 'sign-up' ? `${id}-password-hint` : undefined}
          className={input}
        />
        {mode === 'sign-up' && <p id={`${id}-password-hint`} className="mt-1 text-sm text-muted">{t('passwordHint')}</p>}
      </div>
      {mode === 'sign-up' && (
        <div>
          <label htmlFor={`${id}-code`} className="block font-medium">{t('instructorCode')}</label>
          <input
            ref={codeInput}
            id={`${id}-code`}
            name="instructorCode"
            autoComplete="off"
            aria-invalid={codeError || undefined}
            aria-describedby={codeError ? `${id}-code-error ${id}-code-hint` : `${id}-code-hint`}
            className={input}
          />
          {codeError && (
            <p id={`${id}-code-error`} role="alert" className="mt-1 text-sm text-danger" data-testid="code-error">
              {t('errors.code')}
            </p>
          )}
          <p id={`${id}-code-hint`} className="mt-1 text-sm text-muted">{t('instructorCodeHint')}</p>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-danger">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60">
        {t(mode === 'sign-in' ? 'signIn' : 'signUp')}
      </button>
      <p className="text-sm">
        <Link href={{ pathname: mode === 'sign-in' ? '/sign-up' : '/sign-in', query: { next } }} className="text-accent underline">
          {t(mode === 'sign-in' ? 'toSignUp' : 'toSignIn')}
        </Link>
      </p>
    </form>
  );
}
