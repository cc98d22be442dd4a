import { useId, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';

/**
 * A form that sets something up and starts it (a practice set, a mock exam): its title, its
 * fields, the reason it cannot start yet (an alert, read out when it changes), and the button.
 */
export function SetupForm({
  title,
  onSubmit,
  error,
  submitLabel,
  children,
  ...form
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'title' | 'onSubmit' | 'children'> & {
  title: ReactNode;
  onSubmit: (event: FormEvent) => void;
  error: string | null;
  submitLabel: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <form {...form} onSubmit={onSubmit} noValidate aria-labelledby={id} className="max-w-2xl space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
      <p role="alert" className="text-danger">
        {error ?? ''}
      </p>
      <button type="submit" className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg hover:opacity-90">
        {submitLabel}
      </button>
    </form>
  );
}
