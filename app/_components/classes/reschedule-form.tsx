'use client';
// Moving an open assignment's due time: the one change an instructor may make once students have
// seen its questions (a deadline extended for the class, or one set wrong).
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { WHEN_FORMAT } from '@/lib/classroom/when';
import { api } from '@/app/_lib/api';
import { fromLocalInput, toLocalInput } from '@/app/_lib/local-time';
import { useRouter } from '@/app/_lib/i18n/navigation';
import { useErrorText } from './error-text';

export function RescheduleForm({ assignmentId, dueAt }: { assignmentId: string; dueAt: number }) {
  const t = useTranslations('classes');
  const format = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const due = fromLocalInput(String(new FormData(event.currentTarget).get('dueAt')));
    if (!Number.isFinite(due)) return setError(t('errors.dueBeforeOpen'));
    setBusy(true);
    try {
      const reply = await api<{ assignment: { dueAt: number } }>(`/api/assignments/${assignmentId}`, 'PATCH', { dueAt: due });
      setError(null);
      setSaved(reply.assignment.dueAt);
      router.refresh();
    } catch (e) {
      setSaved(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-2 rounded-lg border border-border bg-surface p-4" data-testid="reschedule">
      <h2 className="font-semibold">{t('edit.reschedule')}</h2>
      <p className="text-sm text-muted">{t('edit.rescheduleNote')}</p>
      <div>
        <label htmlFor={`${id}-due`} className="block text-sm font-medium">{t('form.dueAt')}</label>
        <input
          id={`${id}-due`}
          name="dueAt"
          type="datetime-local"
          required
          defaultValue={toLocalInput(dueAt)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 rounded-md border border-border bg-bg px-3 py-2"
        />
      </div>
      <button type="submit" disabled={busy} className="min-h-10 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60">
        {t('edit.rescheduleSave')}
      </button>
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-danger">{error}</p>}
      {saved !== null && <p role="status" className="text-sm text-ok">{t('edit.rescheduled', { when: format.dateTime(new Date(saved), WHEN_FORMAT) })}</p>}
    </form>
  );
}
