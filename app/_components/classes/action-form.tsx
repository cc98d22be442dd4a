'use client';
// One small form that posts one value to an API route and refreshes the page: create a class,
// join with a code. Errors from the server are announced beside it.
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/app/_lib/api';
import { useErrorText } from './error-text';
import { useRouter } from '@/app/_lib/i18n/navigation';

interface ActionFormProps {
  path: string;
  field: string;
  label: string;
  submit: string;
  /** Go to the class the reply names (a join). */
  openClass?: boolean;
  /** The longest value the API takes: the field stops there, so no one types past a limit they are never told. */
  maxLength?: number;
  /** What the value must be, said under the field and again when a blank one is sent. */
  rule?: string;
}

/** Plain data props: a server page renders this form. */
export function ActionForm({ path, field, label, submit, openClass = false, maxLength, rule }: ActionFormProps) {
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get(field) ?? '');
    // `required` lets only spaces through; the server refuses them, so say the rule here instead.
    if (rule && value.trim() === '') {
      setError(rule);
      return;
    }
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
        <input
          id={id}
          name={field}
          required
          maxLength={maxLength}
          className="mt-1 rounded-md border border-border bg-bg px-3 py-2"
          aria-describedby={[rule ? `${id}-rule` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        />
        {rule && <p id={`${id}-rule`} className="mt-1 text-sm text-muted">{rule}</p>}
      </div>
      <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">{submit}</button>
      {error && <p id={`${id}-error`} role="alert" className="w-full text-danger">{error}</p>}
    </form>
  );
}
