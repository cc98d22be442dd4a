'use client';
// The answer field of one assignment question, by kind; returns the response as the API takes it.
import { useTranslations } from 'next-intl';
import { FLAGS, otherSide, STATES, type Flag, type Segment } from '@/lib/engine/types';
import { flagsText, segmentOf } from '@/lib/engine/segments';
import type { ItemView } from '@/lib/classroom/view';
import { segmentEvents } from '@/lib/quiz/item';
import { segmentText } from '@/app/_lib/quiz-format';
import { MAX_SEQ, parseWhole } from '@/app/_lib/quiz-input';

export type Draft = { flags: Flag[]; seq: string; ack: string; len: string; state: string; choice: number | null };
export const EMPTY_DRAFT: Draft = { flags: [], seq: '', ack: '', len: '', state: '', choice: null };

/** The draft as a response, or null while it is incomplete. Pure. */
export function responseOf(item: ItemView, d: Draft): unknown {
  const num = (s: string) => {
    // Full-width digits from a CJK input method count, as in the practice cards.
    const parsed = parseWhole(s);
    return parsed.ok ? parsed.value : null;
  };
  switch (item.kind) {
    case 'next_flags':
      return d.flags;
    case 'seq':
    case 'ack':
    case 'len':
      return num(d[item.kind]);
    case 'bytes':
      return num(d.len);
    case 'state':
      return d.state || null;
    case 'segment': {
      const seq = num(d.seq);
      const ack = num(d.ack);
      return seq === null || ack === null ? null : { flags: d.flags, seq, ack, len: item.given.len ?? 0 };
    }
    case 'spot_error':
      return d.choice === null ? null : { event: d.choice };
    default:
      return d.choice === null ? null : { option: d.choice };
  }
}

/**
 * Why a number typed in the draft cannot be sent ("-5", "1e3", 99999999999), or null: the student
 * is told that, not to answer first, as the practice cards tell it. An empty field is not a problem
 * here: responseOf's null says the answer is incomplete. Pure.
 */
export function numberProblem(item: ItemView, d: Draft): { error: 'notWhole' | 'tooLarge'; max: number } | null {
  const typed =
    item.kind === 'seq' || item.kind === 'ack' || item.kind === 'len' ? [d[item.kind]] : item.kind === 'bytes' ? [d.len] : item.kind === 'segment' ? [d.seq, d.ack] : [];
  for (const text of typed) {
    const parsed = parseWhole(text);
    if (!parsed.ok && parsed.error !== 'empty') return { error: parsed.error, max: MAX_SEQ };
  }
  return null;
}

/** A stored response back in the inputs (the reverse of responseOf), so a reload shows what was given. Pure. */
export function draftOf(item: ItemView, response: unknown): Draft {
  const r = response as Record<string, unknown> | unknown[] | number | string | null;
  const whole = (v: unknown) => (typeof v === 'number' ? String(v) : '');
  switch (item.kind) {
    case 'next_flags':
      return { ...EMPTY_DRAFT, flags: Array.isArray(r) ? (r as Flag[]) : [] };
    case 'seq':
    case 'ack':
    case 'len':
      return { ...EMPTY_DRAFT, [item.kind]: whole(r) };
    case 'bytes':
      return { ...EMPTY_DRAFT, len: whole(r) };
    case 'state':
      return { ...EMPTY_DRAFT, state: typeof r === 'string' ? r : '' };
    case 'segment': {
      const s = (r ?? {}) as { flags?: Flag[]; seq?: number; ack?: number };
      return { ...EMPTY_DRAFT, flags: s.flags ?? [], seq: whole(s.seq), ack: whole(s.ack) };
    }
    case 'spot_error': {
      const e = (r ?? {}) as { event?: number };
      return { ...EMPTY_DRAFT, choice: e.event ?? null };
    }
    default: {
      const o = (r ?? {}) as { option?: number };
      return { ...EMPTY_DRAFT, choice: o.option ?? null };
    }
  }
}

const letter = (n: number) => String.fromCharCode(65 + n);

/** A response in words, as the inputs label it (the feedback's "your answer" and "right answer"). */
export function useResponseText(): (item: ItemView, response: unknown) => string {
  const t = useTranslations('quiz');
  const noFlags = t('noFlags');
  return (item, response) => {
    const r = response as { option?: number; event?: number } | null;
    if (typeof r === 'object' && r !== null && !Array.isArray(r) && typeof r.option === 'number') {
      const pair = item.stateOptions?.[r.option];
      if (pair) return t('optionText', { letter: letter(r.option), text: t('statePair', { a: pair.A, b: pair.B }) });
      const option = item.options?.[r.option];
      return option ? t('optionText', { letter: letter(r.option), text: segmentText(option, noFlags) }) : '';
    }
    if (typeof r === 'object' && r !== null && !Array.isArray(r) && typeof r.event === 'number') {
      const seg = segmentOf(item.trace.events[r.event]);
      const n = segmentEvents(item.trace).indexOf(r.event) + 1;
      return seg ? t('eventLabel', { n, from: seg.from, to: otherSide(seg.from), segment: segmentText(seg, noFlags) }) : '';
    }
    if (Array.isArray(response)) return flagsText(response as Flag[]) || noFlags;
    if (typeof response === 'object' && response !== null) return segmentText(response as Segment, noFlags);
    return String(response);
  };
}

export function AnswerInput({ item, draft, onChange, disabled }: { item: ItemView; draft: Draft; onChange: (d: Draft) => void; disabled: boolean }) {
  const t = useTranslations('quiz');
  const name = `q${item.position}`;
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const flags = (
    <fieldset>
      <legend className="text-sm font-medium">{t('flags')}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {FLAGS.map((f) => (
          <label key={f} className="flex items-center gap-1.5 font-mono">
            <input type="checkbox" disabled={disabled} checked={draft.flags.includes(f)} onChange={(e) => set({ flags: e.target.checked ? [...draft.flags, f] : draft.flags.filter((x) => x !== f) })} /> {f}
          </label>
        ))}
      </div>
    </fieldset>
  );
  const number = (field: 'seq' | 'ack' | 'len', label = t(`fields.${field}`)) => (
    <label className="block text-sm font-medium">
      {label}
      <input inputMode="numeric" disabled={disabled} value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} className="mt-1 block w-full max-w-xs rounded-md border border-border bg-bg px-3 py-2 font-mono" />
    </label>
  );
  /** Radio choices; `values` are what each stands for (spot the error: the event index), else its position. */
  const choices = (labels: string[], values: number[] = labels.map((_, i) => i)) => (
    <fieldset>
      <legend className="text-sm font-medium">{item.kind === 'spot_error' ? t('chooseEvent') : t('chooseOption')}</legend>
      <div className="mt-1 space-y-1">
        {labels.map((label, i) => (
          <label key={values[i]} className="flex items-center gap-2 font-mono text-sm">
            <input type="radio" name={name} disabled={disabled} checked={draft.choice === values[i]} onChange={() => set({ choice: values[i] ?? i })} /> {label}
          </label>
        ))}
      </div>
    </fieldset>
  );

  switch (item.kind) {
    case 'next_flags':
      return flags;
    case 'seq':
    case 'ack':
    case 'len':
      return number(item.kind);
    case 'bytes':
      return number('len', t('fields.bytes'));
    case 'segment':
      return (
        <div className="space-y-2">
          {flags}
          {number('seq')}
          {number('ack')}
          <p className="text-sm text-muted">{t('lenGiven', { len: item.given.len ?? 0 })}</p>
        </div>
      );
    case 'state':
      return (
        <label className="block text-sm font-medium">
          {t('stateOf', { side: item.side ?? 'A' })}
          <select disabled={disabled} value={draft.state} onChange={(e) => set({ state: e.target.value })} className="mt-1 block rounded-md border border-border bg-bg px-3 py-2">
            <option value="">{t('chooseState')}</option>
            {STATES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      );
    case 'spot_error': {
      // Segments only (an application call is no answer), numbered so two alike never share a label.
      const events = segmentEvents(item.trace);
      const labels = events.map((i, n) => {
        const s = segmentOf(item.trace.events[i]) as Segment;
        return t('eventLabel', { n: n + 1, from: s.from, to: otherSide(s.from), segment: segmentText(s, t('noFlags')) });
      });
      return choices(labels, events);
    }
    case 'state_choice':
      return choices((item.stateOptions ?? []).map((p, i) => t('optionText', { letter: letter(i), text: t('statePair', { a: p.A, b: p.B }) })));
    default:
      return choices((item.options ?? []).map((o, i) => t('optionText', { letter: letter(i), text: segmentText(o, t('noFlags')) })));
  }
}

