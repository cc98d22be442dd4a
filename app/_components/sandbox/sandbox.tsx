'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { explainFinding, flagsText, statesOf, type Lang } from '@/lib/engine';
import { APP_CALLS, otherSide, type AppCall, type Flag, type Side, type TraceEvent } from '@/lib/engine/types';
import { automaticSides, inLanguage, playEvent, startSandbox, timerRunning, type Play, type SandboxState } from '@/lib/sandbox/sandbox';
import { segmentText } from '@/app/_lib/quiz-format';
import { MAX_LEN, parseWhole } from '@/app/_lib/quiz-input';
import { ViewDiagram } from '@/app/_components/quiz/quiz-diagram';
import { FlagPicker } from '@/app/_components/ui/flag-picker';

interface Message {
  tone: 'ok' | 'error';
  lines: string[];
  /** The endpoint whose control was used: the message shows in its panel, beside that control. */
  side: Side;
}

/** Who acted in an event: the sender of a segment, the endpoint of a call or a timer. */
function actor(event: TraceEvent): Side {
  if ('app' in event) return event.app.at;
  if ('timeout' in event) return event.timeout.at;
  return 'send' in event ? event.send.from : 'from' in event ? event.from : 'A';
}

/**
 * The learner plays one or both endpoints; the engine plays the rest (lib/sandbox), replying
 * with what a conforming TCP owes. An illegal event is not applied: it is shown with the rule it
 * breaks.
 */
export function Sandbox() {
  const t = useTranslations('sandbox');
  const lang = useLocale() as Lang;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [stored, setSandbox] = useState<SandboxState>(() => startSandbox('A', lang));
  const [message, setMessage] = useState<Message | null>(null);
  const sandbox = inLanguage(stored, lang);
  const { play, view, trace } = sandbox;
  const states = statesOf(sandbox.snapshot);
  const automatic = automaticSides(play);

  function apply(event: TraceEvent) {
    const result = playEvent(sandbox, event, Math.random);
    if (!result.accepted) {
      const key = 'app' in event || 'timeout' in event ? 'rejectedApp' : 'rejected';
      setMessage({ tone: 'error', lines: [t(key, { explain: explainFinding(result.finding, lang) })], side: actor(event) });
      return;
    }
    const replies = result.actions.map((a) =>
      a.kind === 'closed' ? t('engineClosed', { side: a.side }) : t(a.kind === 'sent' ? 'engineSent' : a.kind, { side: a.side, segment: segmentText(a.segment, '—') }),
    );
    setSandbox(result.state);
    setMessage({ tone: 'ok', lines: [result.said, ...replies], side: actor(event) });
  }

  function restart(nextPlay: Play = play, autoClose = sandbox.autoClose) {
    setSandbox(startSandbox(nextPlay, lang, autoClose));
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
            <input type="checkbox" className="size-4" checked={sandbox.autoClose} onChange={(e) => setSandbox({ ...sandbox, autoClose: e.target.checked })} />
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

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <section aria-labelledby={`${id}-diagram`} className="min-w-0 rounded-xl border border-border bg-surface p-3 sm:p-4">
          <h2 id={`${id}-diagram`} className="mb-2 font-semibold">
            {t('diagram')}
          </h2>
          <ViewDiagram id={`${id}-d`} view={view} />
          <h3 className="mt-4 text-sm font-semibold text-muted">{t('log')}</h3>
          {view.narration.length === 0 ? (
            <p className="mt-1 text-sm text-muted" data-testid="sandbox-empty">
              {t(play === 'A' ? 'emptyA' : play === 'B' ? 'emptyB' : 'emptyBoth')}
            </p>
          ) : (
            <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm" data-testid="sandbox-log">
              {view.narration.map((line, i) => (
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
              timers={{ retransmit: timerRunning(sandbox, side, 'retransmit'), time_wait: timerRunning(sandbox, side, 'time_wait') }}
              message={message?.side === side ? message : null}
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
  timers,
  message,
  onEvent,
}: {
  side: Side;
  role: string;
  state: string;
  played: boolean;
  /** Which of this side's timers run now: firing one that does not is not offered. */
  timers: Record<'retransmit' | 'time_wait', boolean>;
  message: Message | null;
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
          <button type="button" className={small} disabled={!timers.retransmit} onClick={() => onEvent({ timeout: { at: side, timer: 'retransmit' } })}>
            {t('retransmitTimer')}
          </button>
          <button type="button" className={small} disabled={!timers.time_wait} onClick={() => onEvent({ timeout: { at: side, timer: 'time_wait' } })}>
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
              aria-describedby={`${id}-applen-help`}
              className="mt-0.5 w-24 rounded-md border border-border bg-bg px-2 py-1.5 font-mono text-sm"
            />
          </div>
          <button type="button" className={`${small} font-mono`} onClick={() => call('send')}>
            send()
          </button>
        </div>
        <p id={`${id}-applen-help`} className="mt-1 text-xs text-muted">
          {t('sendHelp', { side })}
        </p>
        {errors.appLen && <p className="mt-1 text-sm text-danger">{errors.appLen}</p>}
      </div>

      {played && (
        <form onSubmit={send} noValidate className="mt-4 space-y-3 border-t border-border pt-3">
          <p className="text-sm font-semibold">{t('writeSegment', { side, to: otherSide(side) })}</p>
          <FlagPicker compact aria-label={tq('flags')} flags={flags} onChange={setFlags} />
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
      <MessageBox message={message} />
    </section>
  );
}

/**
 * What the last event did, or the rule it broke, at the foot of the panel whose control was used:
 * on a phone a message at the top of the page is a screen away from the button pressed, and the
 * press looked like it did nothing. Scrolled into view when it changes.
 */
function MessageBox({ message }: { message: Message | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return (
    <div
      ref={box}
      role="status"
      aria-live="polite"
      data-testid={message ? 'sandbox-message' : undefined}
      className={message ? `mt-4 rounded-md border p-3 text-sm ${message.tone === 'error' ? 'border-danger' : 'border-ok'}` : 'sr-only'}
    >
      {message?.lines.map((line, i) => (
        <p key={i} className={i === 0 && message.tone === 'error' ? 'font-semibold text-danger' : ''}>
          {line}
        </p>
      ))}
    </div>
  );
}
