'use client';
// One small form that posts one value to an API route and refreshes the page: create a class,
// join with a code. Errors from the server are announced beside it.
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/app/_lib/api';
import { useErrorText } from './error-text';
import { useRouter } from '@/app/_lib/i18n/navigation';

/** `openClass`: go to the class the reply names (a join). Plain data: a server page renders this form. */
export function ActionForm({ path, field, label, submit, openClass = false }: { path: string; field: string; label: string; submit: string; openClass?: boolean }) {
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get(field) ?? '');
    try {
      const reply = await api<{ class: { id: string } }>(path, 'POST', { [field]: value });
      setError(null);
      form.reset();
      if (openClass) router.push(`/classes/${reply.class.id}`);
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">{label}</label>
        <input id={id} name={field} required className="mt-1 rounded-md border border-border bg-bg px-3 py-2" aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">{submit}</button>
      {error && <p id={`${id}-error`} role="alert" className="w-full text-danger">{error}</p>}
    </form>
  );
}
