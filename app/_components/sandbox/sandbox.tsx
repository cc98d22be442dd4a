'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { explainFinding, narrateTrace, owedSegments, replayRecords, type Lang } from '@/lib/engine';
import { APP_CALLS, FLAGS, type AppCall, type Flag, type Side, type Trace, type TraceEvent } from '@/lib/engine/types';
import { flagsText, segmentText } from '@/app/_lib/quiz-format';
import { MAX_LEN, parseWhole, roundIsn } from '@/app/_lib/quiz-input';
import { initialStates } from '@/app/_lib/trace-view';
import { QuizDiagram } from '@/app/_components/quiz/quiz-diagram';

type Play = Side | 'both';

const START: Trace = { name: 'sandbox', endpoints: { A: { role: 'client' }, B: { role: 'server' } }, events: [] };
const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');

interface Message {
  tone: 'ok' | 'error';
  lines: string[];
}

/**
 * The learner plays one or both endpoints; the engine plays the rest, replying with what a
 * conforming TCP owes. An illegal event is not applied: it is shown with the rule it breaks.
 */
export function Sandbox() {
  const t = useTranslations('sandbox');
  const lang = useLocale() as Lang;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [play, setPlay] = useState<Play>('A');
  const [trace, setTrace] = useState<Trace>(START);
  const [message, setMessage] = useState<Message | null>(null);
  // Like most servers: once the peer has closed, the engine's application closes too.
  const [autoClose, setAutoClose] = useState(true);
  // The automatic side's ISN, picked once per connection when it first needs one.
  const isn = useRef<number | null>(null);

  const records = useMemo(() => replayRecords(trace), [trace]);
  const narration = useMemo(() => narrateTrace(trace, lang), [trace, lang]);
  const states = records[records.length - 1]?.states ?? initialStates(trace.endpoints);
  const automatic: Side[] = play === 'both' ? [] : [other(play)];

  function apply(event: TraceEvent) {
    const candidate: Trace = { ...trace, events: [...trace.events, event] };
    const finding = replayRecords(candidate)[candidate.events.length - 1]?.finding ?? null;
    if (finding) {
      const key = 'app' in event || 'timeout' in event ? 'rejectedApp' : 'rejected';
      setMessage({ tone: 'error', lines: [t(key, { explain: explainFinding(finding, lang) }), `(${finding.code})`] });
      return;
    }
    let next = candidate;
    const replies: string[] = [];
    for (const side of automatic) {
      isn.current ??= roundIsn(Math.random);
      const owed = owedSegments(next, side, isn.current);
      next = { ...next, events: [...next.events, ...owed] };
      for (const s of owed) replies.push(t('engineSent', { side, segment: segmentText(s, '—') }));
      if (autoClose && replayRecords(next).at(-1)?.states[side] === 'CLOSE_WAIT') {
        const closing: Trace = { ...next, events: [...next.events, { app: { at: side, call: 'close' } }] };
        const fin = owedSegments(closing, side, isn.current);
        next = { ...closing, events: [...closing.events, ...fin] };
        replies.push(t('engineClosed', { side }));
        for (const s of fin) replies.push(t('engineSent', { side, segment: segmentText(s, '—') }));
      }
    }
    const said = narrateTrace(next, lang)[candidate.events.length - 1] ?? '';
    setTrace(next);
    setMessage({ tone: 'ok', lines: [said, ...replies] });
  }

  function restart(nextPlay: Play = play) {
    isn.current = null;
    setPlay(nextPlay);
    setTrace(START);
    setMessage(null);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4">
        <fieldset>
          <legend className="text-sm font-semibold">{t('youPlay')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {(['A', 'B', 'both'] as const).map((p) => (
              <label key={p} className="flex min-h-10 items-center gap-2">
                <input type="radio" name={`${id}-play`} className="size-4" checked={play === p} onChange={() => restart(p)} />
                {t(p === 'A' ? 'playA' : p === 'B' ? 'playB' : 'playBoth')}
              </label>
            ))}
          </div>
        </fieldset>
        {play !== 'both' && (
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={autoClose} onChange={(e) => setAutoClose(e.target.checked)} />
            {t('autoClose')}
          </label>
        )}
        <button type="button" onClick={() => restart()} className="min-h-10 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2">
          {t('reset')}
        </button>
        <p className="ml-auto font-mono text-sm" data-testid="sandbox-states">
          {t('states', { a: states.A, b: states.B })}
        </p>
      </div>

      <div
        role="status"
        aria-live="polite"
        data-testid="sandbox-message"
        className={message ? `rounded-md border p-3 text-sm ${message.tone === 'error' ? 'border-danger' : 'border-ok'}` : 'sr-only'}
      >
        {message?.lines.map((line, i) => (
          <p key={i} className={i === 0 && message.tone === 'error' ? 'font-semibold text-danger' : ''}>
            {line}
          </p>
        ))}
      </div>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <section aria-labelledby={`${id}-diagram`} className="min-w-0 rounded-xl border border-border bg-surface p-3 sm:p-4">
          <h2 id={`${id}-diagram`} className="mb-2 font-semibold">
            {t('diagram')}
          </h2>
          <QuizDiagram id={`${id}-d`} trace={trace} />
          <h3 className="mt-4 text-sm font-semibold text-muted">{t('log')}</h3>
          {narration.length === 0 ? (
            <p className="mt-1 text-sm text-muted">{t('empty')}</p>
          ) : (
            <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm" data-testid="sandbox-log">
              {narration.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          )}
        </section>
        <div className="min-w-0 space-y-4">
          {(['A', 'B'] as const).map((side) => (
            <EndpointPanel
              key={side}
              side={side}
              role={trace.endpoints[side].role}
              state={states[side]}
              played={!automatic.includes(side)}
              onEvent={apply}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function EndpointPanel({
  side,
  role,
  state,
  played,
  onEvent,
}: {
  side: Side;
  role: string;
  state: string;
  played: boolean;
  onEvent: (e: TraceEvent) => void;
}) {
  const t = useTranslations('sandbox');
  const tt = useTranslations('trace');
  const tq = useTranslations('quiz');
  const id = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-${side}`;
  const [appLen, setAppLen] = useState('100');
  const [flags, setFlags] = useState<Flag[]>([]);
  const [fields, setFields] = useState({ seq: '', ack: '', len: '0' });
  const [errors, setErrors] = useState<Partial<Record<'seq' | 'ack' | 'len' | 'appLen', string>>>({});

  const err = (r: ReturnType<typeof parseWhole>, max: number) => (r.ok ? undefined : tq(`inputErrors.${r.error}`, { max }));

  function call(c: AppCall) {
    if (c === 'send') {
      const len = parseWhole(appLen, MAX_LEN);
      if (!len.ok || len.value === 0) return setErrors({ appLen: err(len, MAX_LEN) ?? tq('inputErrors.empty') });
      setErrors({});
      return onEvent({ app: { at: side, call: 'send', len: len.value } });
    }
    onEvent({ app: { at: side, call: c } });
  }

  function send(event: FormEvent) {
    event.preventDefault();
    const seq = parseWhole(fields.seq);
    const ack = parseWhole(fields.ack);
    const len = parseWhole(fields.len, MAX_LEN);
    if (!seq.ok || !ack.ok || !len.ok) {
      return setErrors({ seq: err(seq, 4294967295), ack: err(ack, 4294967295), len: err(len, MAX_LEN) });
    }
    setErrors({});
    onEvent({ from: side, flags, seq: seq.value, ack: ack.value, len: len.value });
  }

  const color = side === 'A' ? 'var(--side-a)' : 'var(--side-b)';
  const small = 'min-h-10 rounded-md border border-border px-2.5 text-sm font-medium hover:bg-surface-2 disabled:opacity-50';
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-border bg-surface p-4" data-testid={`endpoint-${side}`}>
      <h2 id={`${id}-title`} className="flex flex-wrap items-baseline justify-between gap-2 font-semibold">
        <span style={{ color }}>
          {t('endpoint', { side, role: tt(`roles.${role}`) })} · {played ? t('you') : t('engine')}
        </span>
        <span className="font-mono text-sm">{t('state', { state })}</span>
      </h2>

      <div role="group" aria-labelledby={`${id}-calls`} className="mt-3">
        <p id={`${id}-calls`} className="text-sm font-semibold">
          {t('appCalls', { side })}
        </p>
        <div className="mt-1 flex flex-wrap items-end gap-2">
          {APP_CALLS.filter((c) => c !== 'send').map((c) => (
            <button key={c} type="button" className={`${small} font-mono`} onClick={() => call(c)}>
              {c}()
            </button>
          ))}
          <button type="button" className={small} onClick={() => onEvent({ timeout: { at: side, timer: 'retransmit' } })}>
            {t('retransmitTimer')}
          </button>
          <button type="button" className={small} disabled={state !== 'TIME_WAIT'} onClick={() => onEvent({ timeout: { at: side, timer: 'time_wait' } })}>
            {t('timer')}
          </button>
        </div>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`${id}-applen`} className="block text-xs font-medium">
              {t('sendLen')}
            </label>
            <input
              id={`${id}-applen`}
              inputMode="numeric"
              value={appLen}
              onChange={(e) => setAppLen(e.target.value)}
              aria-invalid={errors.appLen ? true : undefined}
              className="mt-0.5 w-24 rounded-md border border-border bg-bg px-2 py-1.5 font-mono text-sm"
            />
          </div>
          <button type="button" className={`${small} font-mono`} onClick={() => call('send')}>
            send()
          </button>
        </div>
        {errors.appLen && <p className="mt-1 text-sm text-danger">{errors.appLen}</p>}
      </div>

      {played && (
        <form onSubmit={send} noValidate className="mt-4 space-y-3 border-t border-border pt-3">
          <p className="text-sm font-semibold">{t('writeSegment', { side, to: other(side) })}</p>
          <div role="group" aria-label={tq('flags')} className="flex flex-wrap gap-1.5">
            {FLAGS.map((flag) => {
              const on = flags.includes(flag);
              return (
                <button
                  key={flag}
                  type="button"
                  aria-pressed={on}
                  onClick={() => setFlags((f) => (on ? f.filter((x) => x !== flag) : [...f, flag]))}
                  className="min-h-10 min-w-14 rounded-md border border-border px-2 font-mono text-sm font-semibold aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
                >
                  {flag}
                </button>
              );
            })}
          </div>
          <div className="grid grid-cols-[1fr_1fr_5rem] gap-2">
            {(['seq', 'ack', 'len'] as const).map((f) => (
              <div key={f} className="min-w-0">
                <label htmlFor={`${id}-${f}`} className="block text-xs font-medium">
                  {f}
                </label>
                <input
                  id={`${id}-${f}`}
                  inputMode="numeric"
                  autoComplete="off"
                  value={fields[f]}
                  onChange={(e) => setFields((v) => ({ ...v, [f]: e.target.value }))}
                  aria-invalid={errors[f] ? true : undefined}
                  aria-describedby={errors[f] ? `${id}-${f}-error` : undefined}
                  className="mt-0.5 w-full rounded-md border border-border bg-bg px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-danger"
                />
                {errors[f] && (
                  <p id={`${id}-${f}-error`} className="mt-0.5 text-xs text-danger">
                    {errors[f]}
                  </p>
                )}
              </div>
            ))}
          </div>
          <button type="submit" className="min-h-10 rounded-md bg-accent px-4 text-sm font-semibold text-accent-fg hover:opacity-90">
            {t('sendSegment')} <span className="font-mono">{flagsText(flags) ? `(${flagsText(flags)})` : ''}</span>
          </button>
        </form>
      )}
    </section>
  );
}
