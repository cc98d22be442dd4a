'use client';
// A button that calls one API route (remove a student, archive, follow up) and refreshes the page.
import { useState } from 'react';
import { api } from '@/app/_lib/api';
import { useErrorText } from './error-text';
import { useRouter } from '@/app/_lib/i18n/navigation';

/**
 * `openCreated`: go to the page of the assignment the reply names (a follow-up: what it drills,
 * when it is due). `goTo`: the page to go to after (a deleted assignment's class). `confirm`: a
 * question asked first, for what cannot be undone from this page. Plain data: server pages render
 * this button.
 */
export function ApiButton({ path, method = 'POST', label, openCreated = false, goTo, confirm }: { path: string; method?: string; label: string; openCreated?: boolean; goTo?: string; confirm?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  async function run() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    try {
      const reply = await api<{ assignment?: { id: string } }>(path, method, method === 'DELETE' ? undefined : {});
      setError(null);
      if (openCreated && reply.assignment) router.push(`/assignments/${reply.assignment.id}`);
      if (goTo) return router.push(goTo);
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex flex-col">
      <button type="button" onClick={run} disabled={busy} className="min-h-10 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2 disabled:opacity-60">
        {label}
      </button>
      {error && <span role="alert" className="text-sm text-danger">{error}</span>}
    </span>
  );
}
