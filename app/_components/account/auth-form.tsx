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
};

/** The fields a refusal can be about, by their form names. */
type Field = 'email' | 'password' | 'instructorCode';

/**
 * A refusal about one field is that field's error: marked there and focused to be fixed (trial
 * F22: an email the browser lets through, "a@b", came back as the generic message). better-auth
 * names the field of a VALIDATION_ERROR in its message, as "[body.email] Invalid email address".
 */
function fieldErrorOf(data: { code?: string; message?: string }): { field: Field; key: string } | null {
  if (data.code === 'WRONG_INSTRUCTOR_CODE') return { field: 'instructorCode', key: 'errors.code' };
  const field = data.code === 'VALIDATION_ERROR' ? /^\[body\.(\w+)\]/.exec(data.message ?? '')?.[1] : undefined;
  if (data.code === 'INVALID_EMAIL' || field === 'email') return { field: 'email', key: 'errors.email' };
  if (data.code === 'PASSWORD_TOO_SHORT' || field === 'password') return { field: 'password', key: 'errors.short' };
  return null;
}

const input = 'mt-1 block w-full rounded-md border border-border bg-bg px-3 py-2';

/**
 * `instructor` (sign-up): how this install makes instructors. 'code': the operator set a code,
 * asked for here. 'first': none is set and there is no instructor yet, so this account will be
 * one (the quick start). 'none': none is set and the first instructor exists: everyone else is
 * a student, and no code field is offered that nothing could fill.
 */
export function AuthForm({ mode, next, instructor = 'code' }: { mode: Mode; next: string; instructor?: 'code' | 'first' | 'none' }) {
  const t = useTranslations('account');
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: Field; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);

  /** A message fixed by editing goes as soon as the learner edits: a stale one would say the fix failed. */
  function clearErrors() {
    setError(null);
    setFieldError(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries([...form].filter(([, v]) => v !== ''));
    setBusy(true);
    clearErrors();
    try {
      const response = await fetch(`/api/auth/${mode}/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) {
        const data = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        const onField = fieldErrorOf(data);
        if (onField) {
          setFieldError(onField);
          (formRef.current?.elements.namedItem(onField.field) as HTMLInputElement | null)?.focus();
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

  /** The error shown under a field, and the attributes that tie it to the field. */
  const marked = (field: Field, testId: string, hint?: string) => {
    const on = fieldError?.field === field;
    const describedBy = [on ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
    return {
      attrs: { 'aria-invalid': on || undefined, 'aria-describedby': describedBy },
      message: on ? (
        <p id={`${id}-${field}-error`} role="alert" className="mt-1 text-sm text-danger" data-testid={testId}>
          {t(fieldError.key)}
        </p>
      ) : null,
    };
  };
  const email = marked('email', 'email-error');
  const password = marked('password', 'password-error', mode === 'sign-up' ? `${id}-password-hint` : undefined);
  const code = marked('instructorCode', 'code-error', `${id}-code-hint`);

  return (
    <form ref={formRef} onSubmit={submit} onInput={clearErrors} aria-describedby={error ? `${id}-error` : undefined} className="max-w-md space-y-4">
      {mode === 'sign-up' && (
        <div>
          <label htmlFor={`${id}-name`} className="block font-medium">{t('name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={100} autoComplete="name" className={input} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block font-medium">{t('email')}</label>
        <input id={`${id}-email`} name="email" type="email" required autoComplete="email" className={input} {...email.attrs} />
        {email.message}
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
          className={input}
          {...password.attrs}
        />
        {password.message}
        {mode === 'sign-up' && <p id={`${id}-password-hint`} className="mt-1 text-sm text-muted">{t('passwordHint')}</p>}
      </div>
      {mode === 'sign-up' && instructor === 'first' && (
        <p className="rounded-md border border-border bg-surface p-3 text-sm" data-testid="first-instructor">{t('firstInstructor')}</p>
      )}
      {mode === 'sign-up' && instructor === 'code' && (
        <div>
          <label htmlFor={`${id}-code`} className="block font-medium">{t('instructorCode')}</label>
          <input
            id={`${id}-code`}
            name="instructorCode"
            autoComplete="off"
            className={input}
            {...code.attrs}
          />
          {code.message}
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
