'use client';
// Copies a text (a class's join link) to the clipboard and says so.
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations('classes');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="min-h-10 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2">
        {label}
      </button>
      <span role="status" className="text-sm text-muted">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
