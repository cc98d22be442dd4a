'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { TraceView } from '@/lib/engine/trace-view';
import { SegmentTable } from './segment-table';
import { SequenceDiagram } from './sequence-diagram';
import { StateDiagram } from './state-diagram';
import { statesAt, TraceStepContext, type TraceStep } from './trace-context';
import { useHydrated } from './use-hydrated';

const PLAY_INTERVAL_MS = 1400;

/** The step controls' row; before hydration an empty row of the same height. */
const TOOLBAR =
  'sticky top-0 z-10 flex items-center gap-1.5 border-b border-border bg-surface/95 px-3 py-2 backdrop-blur sm:static sm:flex-wrap sm:gap-2 sm:border-0 sm:bg-transparent sm:p-0 sm:backdrop-blur-none';

/** A replayed trace with its views (sequence, state machine, table) sharing one step. */
export function TraceWidget({ id, view }: { id: string; view: TraceView }) {
  const t = useTranslations('trace');
  const total = view.events.length;
  const hydrated = useHydrated();
  const [step, setStepRaw] = useState(0);
  const [playing, setPlaying] = useState(false);
  const setStep = useCallback((next: number) => setStepRaw(Math.max(0, Math.min(total, next))), [total]);
  const context = useMemo<TraceStep>(() => ({ view, step, setStep, id }), [view, step, setStep, id]);

  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setStepRaw((s) => Math.min(total, s + 1)), PLAY_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [playing, step, total]);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: step + 1, ArrowLeft: step - 1, Home: 0, End: total };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setPlaying(false);
    setStep(target);
  };

  const states = statesAt(view, step);
  const error = step > 0 ? view.steps[step - 1]?.error : null;
  const narration =
    step === 0 ? t('initial', { a: states.A, b: states.B }) : (view.narration[step - 1] ?? '');
  const togglePlay = () => {
    if (!playing && step >= total) setStep(0);
    setPlaying(!playing);
  };

  return (
    <TraceStepContext.Provider value={context}>
      <figure
        aria-labelledby={`${id}-caption`}
        onKeyDown={onKeyDown}
        className="my-8 rounded-xl border border-border bg-surface shadow-sm"
      >
        <figcaption id={`${id}-caption`} className="border-b border-border px-4 py-3 font-semibold">
          {view.caption}
        </figcaption>

        {/* On a desktop the controls and the narration stay in view together. On a phone only the
            one row of controls does (56 px of 844): the wrapper gives way (display: contents) so
            the toolbar sticks within the whole figure, and the narration scrolls with the page. */}
        <div className="contents sm:sticky sm:top-0 sm:z-10 sm:block sm:border-b sm:border-border sm:bg-surface/95 sm:px-4 sm:py-3 sm:backdrop-blur">
          {hydrated ? (
            <StepControls step={step} total={total} playing={playing} setStep={setStep} togglePlay={togglePlay} />
          ) : (
            // Before hydration the buttons could not do anything: the row keeps its room (one
            // button's height in the same box), so the page does not move when they appear.
            <div aria-hidden="true" className={TOOLBAR}>
              <span className="trace-button invisible" />
            </div>
          )}
          <p
            aria-live="polite"
            data-testid="narration"
            className={`min-h-12 px-4 pt-3 text-sm sm:mt-2 sm:p-0 ${error ? 'text-danger' : ''}`}
          >
            {narration}
            {error && <> {t('invalid', { event: step, explain: error.explain })}</>}
          </p>
        </div>

        <div className="space-y-6 p-3 sm:p-4">
          {hydrated && <p className="sr-only">{t('keyboardHint')}</p>}
          {/* The drawings come after hydration (the lesson's HTML stays small); until then each
              keeps its exact room, so the page does not jump when they appear. */}
          {view.views.includes('sequence') && <SequenceDiagram drawn={hydrated} />}
          {view.views.includes('state') && <StateDiagram drawn={hydrated} />}
          {view.views.includes('table') && <SegmentTable drawn={hydrated} />}
        </div>
      </figure>
    </TraceStepContext.Provider>
  );
}

interface StepControlsProps {
  step: number;
  total: number;
  playing: boolean;
  setStep: (step: number) => void;
  togglePlay: () => void;
}

/** First, previous, play or pause, next, last, and where the reader is. */
function StepControls({ step, total, playing, setStep, togglePlay }: StepControlsProps) {
  const t = useTranslations('trace');
  // The step buttons use aria-disabled, not disabled: a disabled button loses focus, and at the
  // last step focus fell to <body>, where Home and the arrow keys no longer reach the widget.
  // setStep clamps, so a press at either end does nothing. Their look is one class in
  // globals.css: spelled out in utilities it was a fifth of a lesson's widget HTML.
  return (
    <div role="toolbar" aria-label={t('controls')} data-testid="trace-toolbar" className={TOOLBAR}>
      <button type="button" className="trace-button" onClick={() => setStep(0)} aria-disabled={step === 0 || undefined} aria-label={t('first')}>
        <Icon name="first" />
      </button>
      <button type="button" className="trace-button" onClick={() => setStep(step - 1)} aria-disabled={step === 0 || undefined} aria-label={t('previous')}>
        <Icon name="previous" />
      </button>
      <button type="button" className="trace-button gap-1.5 sm:min-w-20" onClick={togglePlay} aria-pressed={playing}>
        <Icon name={playing ? 'pause' : 'play'} />
        {playing ? t('pause') : t('play')}
      </button>
      <button type="button" className="trace-button" onClick={() => setStep(step + 1)} aria-disabled={step === total || undefined} aria-label={t('next')}>
        <Icon name="play" />
      </button>
      <button type="button" className="trace-button" onClick={() => setStep(total)} aria-disabled={step === total || undefined} aria-label={t('last')}>
        <Icon name="last" />
      </button>
      <span className="ml-auto text-sm tabular-nums text-muted">
        <span data-testid="step-counter" className="max-sm:sr-only">
          {t('step', { current: step, total })}
        </span>
        <span aria-hidden="true" className="sm:hidden">
          {step}/{total}
        </span>
      </span>
    </div>
  );
}

/** A step button's icon, drawn by CSS (globals.css): one element where an inline SVG took two and its path. */
function Icon({ name }: { name: 'first' | 'previous' | 'play' | 'pause' | 'last' }) {
  return <span aria-hidden="true" className={`trace-icon trace-icon-${name}`} />;
}
