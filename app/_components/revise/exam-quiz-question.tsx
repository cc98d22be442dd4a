'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { segmentOf } from '@/lib/engine';
import { askedSegment, type QuizItem } from '@/lib/quiz';
import { flagsText, segmentText } from '@/app/_lib/quiz-format';
import { parseWhole } from '@/app/_lib/quiz-input';
import type { ExtraArrow } from '@/app/_components/trace/sequence-diagram';
import { QuizDiagram } from '@/app/_components/quiz/quiz-diagram';
import { letter } from './answer-text';

/**
 * A practice item as a mock exam asks it: the diagram so far and the answer field, with no
 * check and no feedback. The answer is kept as soon as it is a well-formed response, so that a
 * time-out counts it. Choices (segments, state pairs, the wrong event) and numbers (seq, ack).
 */
export function ExamQuizQuestion({ item, value, onChange }: { item: QuizItem; value: unknown; onChange: (response: unknown) => void }) {
  const t = useTranslations('quiz');
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const segment = askedSegment(item);
  const numeric = item.kind === 'ack' || item.kind === 'seq';
  const [text, setText] = useState(() => (numeric && typeof value === 'number' ? String(value) : ''));
  const [error, setError] = useState<string | null>(null);
  const chosen = typeof value === 'object' && value !== null ? ((value as { option?: number; event?: number }).option ?? (value as { event?: number }).event ?? null) : null;

  const trace = useMemo(() => (item.kind === 'spot_error' ? item.trace : { ...item.trace, events: item.trace.events.slice(0, item.shown) }), [item]);
  const extra: ExtraArrow | null = segment ? { from: segment.from, segment: null, label: t('nextSegment'), tone: 'pending' } : null;
  const mask = item.kind === 'state_choice' ? { row: item.shown, side: 'both' as const } : null;
  const prompt = t(`prompts.${item.kind}`, { side: segment?.from ?? 'A', flags: segment ? flagsText(segment.flags) || t('noFlags') : '', len: segment?.len ?? 0 });

  const choices: Array<{ value: number; text: string; response: unknown }> =
    item.kind === 'spot_error'
      ? item.trace.events.flatMap((e, i) => {
          const s = segmentOf(e);
          return s ? [{ value: i, text: t('eventLabel', { from: s.from, to: s.from === 'A' ? 'B' : 'A', segment: segmentText(s, t('noFlags')) }), response: { event: i } }] : [];
        })
      : item.kind === 'state_choice'
        ? item.options.map((p, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: t('statePair', { a: p.A, b: p.B }) }), response: { option: i } }))
        : item.kind === 'multiple_choice'
          ? item.options.map((o, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: segmentText(o, t('noFlags')) }), response: { option: i } }))
          : [];

  function typed(next: string) {
    setText(next);
    const r = parseWhole(next);
    setError(r.ok || next.trim() === '' ? null : t(`inputErrors.${r.error}`, { max: 4294967295 }));
    onChange(r.ok ? r.value : null);
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="exam-question" data-kind={item.kind} className="rounded-xl border border-border bg-surface shadow-sm">
      <header className="border-b border-border px-4 py-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {prompt}
        </h2>
        <p className="mt-1 text-sm text-muted">{t(`kinds.${item.kind}`)}</p>
      </header>
      <div className="grid gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="min-w-0">
          <QuizDiagram id={`${id}-d`} trace={trace} extra={extra} mask={mask} highlight={item.kind === 'spot_error' ? chosen : null} />
        </div>
        <div className="min-w-0 space-y-2">
          {numeric ? (
            <div>
              <label htmlFor={`${id}-n`} className="block text-sm font-semibold">
                {t(`fields.${item.kind as 'ack' | 'seq'}`)}
              </label>
              <input
                id={`${id}-n`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                value={text}
                onChange={(e) => typed(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-n-hint`}
                className="mt-1 w-full rounded-md border border-border bg-bg px-3 py-2 font-mono text-base aria-[invalid=true]:border-danger"
              />
              <p id={`${id}-n-hint`} className={`mt-1 text-sm ${error ? 'text-danger' : 'text-muted'}`}>
                {error ?? t('numberHint')}
              </p>
            </div>
          ) : (
            <div role="radiogroup" aria-labelledby={`${id}-choices`}>
              <p id={`${id}-choices`} className="text-sm font-semibold">
                {item.kind === 'spot_error' ? t('chooseEvent') : t('chooseOption')}
              </p>
              <div className="mt-1 space-y-2">
                {choices.map((c) => (
                  <label
                    key={c.value}
                    className="flex cursor-pointer items-start gap-2 rounded-md border border-border px-3 py-2 font-mono text-sm has-[:checked]:border-accent has-[:checked]:bg-[var(--accent-soft)]"
                  >
                    <input type="radio" name={`${id}-choice`} checked={chosen === c.value} onChange={() => onChange(c.response)} className="mt-1" />
                    <span className="[overflow-wrap:anywhere]">{c.text}</span>
                  </label>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
