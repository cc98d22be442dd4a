'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Flag, Segment } from '@/lib/engine/types';
import type { Lang } from '@/lib/engine';
import { askedSegment, gradeItem, type ItemGrade, type QuizItem, type Response } from '@/lib/quiz';
import { draftResponse, EMPTY_DRAFT, type Draft, type DraftField } from '@/app/_lib/quiz-draft';
import { flagsText, revealEnd, segmentText } from '@/app/_lib/quiz-format';
import { useQuizProgress } from '@/app/_lib/quiz-progress';
import type { ExtraArrow } from '@/app/_components/trace/sequence-diagram';
import { AnswerFields, useChoices, useDraftErrorText } from './answer-fields';
import { useItemPrompt } from './item-prompt';
import { QuizDiagram } from './quiz-diagram';

type FieldErrors = Partial<Record<DraftField, string>>;
type Built = { ok: true; response: Response } | { ok: false; errors: FieldErrors };

type Phase = 'answering' | 'retry' | 'correct' | 'revealed';

export interface QuizOutcome {
  /** Right at the first try. */
  correct: boolean;
  grade: ItemGrade;
}

/**
 * One question of any kind, next to the diagram of the connection so far. Graded in the browser by
 * the engine: confirmed with the rule, or explained and tried again, then revealed on the diagram
 * with the learner's wrong answer drawn where it would have gone. The first try is recorded.
 */
export function QuizCard({
  item,
  itemKey,
  heading,
  onDone,
  onFirstTry,
  recorded = false,
}: {
  item: QuizItem;
  /** Identifies the question in the progress history. */
  itemKey: string;
  heading?: string;
  onDone?: (outcome: QuizOutcome) => void;
  /** The first try, graded, as soon as it is made (the question may go on to a second try). */
  onFirstTry?: (grade: ItemGrade) => void;
  /** The first try at this question is already in the progress history (answered before a reload). */
  recorded?: boolean;
}) {
  const t = useTranslations('quiz');
  const lang = useLocale() as Lang;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { record } = useQuizProgress();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [phase, setPhase] = useState<Phase>('answering');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [feedback, setFeedback] = useState<{ tone: 'ok' | 'wrong' | 'info'; lines: string[] } | null>(null);
  const [wrong, setWrong] = useState<Response | null>(null);
  const firstGrade = useRef<ItemGrade | null>(null);
  /** The grade shown once the question is over: it marks the right choice and says why the others are wrong. */
  const [finalGrade, setFinalGrade] = useState<ItemGrade | null>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);

  const asksState = item.kind === 'state' || item.kind === 'state_choice';
  const segment = askedSegment(item);
  const sender = segment?.from ?? null;
  const side = item.kind === 'state' || item.kind === 'state_choice' ? item.question.side : null;
  const done = phase === 'correct' || phase === 'revealed';

  // The check button goes away once answered: keep keyboard focus on the feedback, not the body.
  useEffect(() => {
    if (done) feedbackRef.current?.focus();
  }, [done]);

  const errorText = useDraftErrorText();
  const promptOf = useItemPrompt();
  const choices = useChoices();

  function build(): Built {
    const r = draftResponse(item, draft);
    if (r.ok) return r;
    const fieldErrors = Object.fromEntries(Object.entries(r.errors).map(([field, e]) => [field, errorText(e)])) as FieldErrors;
    return { ok: false, errors: fieldErrors };
  }

  function describeCanonical(grade: ItemGrade): string {
    const c = grade.canonical;
    if (typeof c === 'object' && c !== null && ('option' in c || 'event' in c)) {
      const value = 'option' in c ? c.option : c.event;
      return choices(item).find((x) => x.value === value)?.text ?? '';
    }
    if (Array.isArray(c)) return flagsText(c) || t('noFlags');
    if (typeof c === 'object' && c !== null) return segmentText(c, t('noFlags'));
    return String(c);
  }

  function check(event: FormEvent) {
    event.preventDefault();
    if (done) return;
    const built = build();
    if (!built.ok) {
      setErrors(built.errors);
      setFeedback({ tone: 'info', lines: Object.values(built.errors).filter((e): e is string => Boolean(e)) });
      return;
    }
    setErrors({});
    const grade = gradeItem(item, built.response, lang);
    const first = firstGrade.current === null;
    if (first) firstGrade.current = grade;
    if (first && !recorded) {
      onFirstTry?.(grade);
      record({
        at: Date.now(),
        item: itemKey,
        kind: item.kind,
        skill: grade.skill,
        correct: grade.correct,
        misconception: grade.correct ? null : grade.misconception,
        response: built.response,
      });
    }
    if (grade.correct) {
      setFinalGrade(grade);
      setPhase('correct');
      setFeedback({ tone: 'ok', lines: [first ? t('correct') : t('correctSecond'), grade.explain] });
      // The first try's grade: a question fixed at the second try keeps the misconception of the first.
      onDone?.({ correct: first, grade: firstGrade.current ?? grade });
      return;
    }
    setWrong(built.response);
    if (phase === 'answering') {
      setPhase('retry');
      // The first wrong try names the rule to apply, not the number it gives: the second try still counts.
      setFeedback({ tone: 'wrong', lines: [t('wrong'), ...(grade.hint ? [t('hint', { hint: grade.hint })] : []), t('tryAgain')] });
      return;
    }
    reveal(grade);
  }

  function reveal(grade: ItemGrade) {
    const rule = ruleOf(grade);
    setFinalGrade(grade);
    setPhase('revealed');
    setFeedback({
      tone: 'wrong',
      lines: [t('revealed', { answer: describeCanonical(grade) }), grade.explain, ...(rule ? [t('rule', { rule })] : [])],
    });
    onDone?.({ correct: false, grade: firstGrade.current ?? grade });
  }

  /** The rule behind the right answer: the engine's confirmation of the canonical answer. */
  function ruleOf(grade: ItemGrade): string {
    if (item.kind === 'spot_error') return '';
    const c = grade.canonical as Response;
    try {
      return gradeItem(item, c, lang).explain;
    } catch {
      return '';
    }
  }

  function giveUp() {
    if (done) return;
    const built = build();
    const probe = built.ok ? built.response : wrong;
    if (probe !== null) {
      try {
        reveal(gradeItem(item, probe, lang));
        return;
      } catch {
        // fall through to a canonical-only reveal
      }
    }
    setPhase('revealed');
  }

  // What the diagram shows: the connection so far, and after the reveal the right segment and the wrong one.
  const diagram = useMemo(() => {
    if (item.kind === 'spot_error') return { trace: item.trace };
    if (asksState) return { trace: { ...item.trace, events: item.trace.events.slice(0, item.shown) } };
    const revealed = phase === 'revealed' || phase === 'correct';
    const end = revealed ? revealEnd(item.trace.events, item.event) : item.shown;
    return { trace: { ...item.trace, events: item.trace.events.slice(0, end) } };
  }, [item, phase, asksState]);

  const wrongSegment = useMemo((): Segment | null => {
    if (!segment || wrong === null) return null;
    if (item.kind === 'next_flags' && Array.isArray(wrong)) return { ...segment, flags: wrong as Flag[] };
    if ((item.kind === 'seq' || item.kind === 'ack' || item.kind === 'len') && typeof wrong === 'number') return { ...segment, [item.kind]: wrong };
    if (item.kind === 'segment' && typeof wrong === 'object' && 'flags' in wrong) return { ...segment, ...wrong, flags: [...wrong.flags] };
    if (item.kind === 'multiple_choice' && typeof wrong === 'object' && 'option' in wrong) {
      const option = item.options[wrong.option];
      return option ? { ...option, from: segment.from } : null;
    }
    return null;
  }, [segment, wrong, item]);

  let extra: ExtraArrow | null = null;
  if (sender && phase !== 'revealed' && phase !== 'correct') extra = { from: sender, segment: null, label: t('nextSegment'), tone: 'pending' };
  if (sender && phase === 'revealed' && wrongSegment) extra = { from: sender, segment: wrongSegment, label: t('yourAnswer'), tone: 'wrong' };
  const mask = asksState && side && !done ? { row: item.shown, side: item.kind === 'state_choice' ? ('both' as const) : side } : null;
  const highlight = item.kind === 'spot_error' ? (phase === 'revealed' || phase === 'correct' ? item.event : draft.choice) : null;

  const prompt = promptOf(item);
  const canonicalChoice = finalGrade?.canonical as { option?: number; event?: number } | undefined;
  const rightChoice = canonicalChoice?.option ?? canonicalChoice?.event ?? null;

  const feedbackId = `${id}-feedback`;

  return (
    <section aria-labelledby={`${id}-title`} data-testid="quiz-card" data-kind={item.kind} data-phase={phase} className="rounded-xl border border-border bg-surface shadow-sm">
      <header className="border-b border-border px-4 py-3">
        {heading && <p className="text-sm font-medium text-muted">{heading}</p>}
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {prompt}
        </h2>
        <p className="mt-1 text-sm text-muted">{t(`kinds.${item.kind}`)}</p>
      </header>
      <div className="grid gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="min-w-0">
          <QuizDiagram id={`${id}-d`} trace={diagram.trace} extra={extra} mask={mask} highlight={highlight} />
        </div>
        <form onSubmit={check} noValidate className="min-w-0 space-y-4" aria-describedby={feedbackId}>
          <fieldset disabled={done} className="space-y-4">
            <legend className="sr-only">{prompt}</legend>
            <AnswerFields
              item={item}
              id={id}
              draft={draft}
              onDraft={setDraft}
              errors={errors}
              choiceNote={(value) =>
                done && (
                  <>
                    {value === rightChoice && <span className="ml-2 font-sans font-semibold text-ok">{t('rightChoice')}</span>}
                    {value !== rightChoice && value === draft.choice && <span className="ml-2 font-sans font-semibold text-danger">{t('yourChoice')}</span>}
                    {phase === 'revealed' && value !== rightChoice && finalGrade?.optionExplanations?.[value] && (
                      <span className="mt-1 block font-sans text-muted">{t('whyNot', { explain: finalGrade.optionExplanations[value].explain })}</span>
                    )}
                  </>
                )
              }
            />
          </fieldset>
          {!done && (
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
                {phase === 'retry' ? t('checkAgain') : t('check')}
              </button>
              {phase === 'retry' && (
                <button type="button" onClick={giveUp} className="min-h-11 rounded-md border border-border px-4 font-medium hover:bg-surface-2">
                  {t('showAnswer')}
                </button>
              )}
            </div>
          )}
          <div
            id={feedbackId}
            ref={feedbackRef}
            tabIndex={-1}
            role="status"
            aria-live="polite"
            data-testid="quiz-feedback"
            className={
              feedback
                ? `space-y-1 rounded-md border p-3 text-sm ${
                    feedback.tone === 'ok' ? 'border-ok text-fg' : feedback.tone === 'wrong' ? 'border-danger text-fg' : 'border-border text-fg'
                  }`
                : ''
            }
          >
            {feedback?.lines.map((line, i) => (
              <p key={i} className={i === 0 ? `font-semibold ${feedback.tone === 'ok' ? 'text-ok' : feedback.tone === 'wrong' ? 'text-danger' : ''}` : ''}>
                {i === 0 && feedback.tone !== 'info' && <span aria-hidden="true">{feedback.tone === 'ok' ? '✓ ' : '✗ '}</span>}
                {line}
              </p>
            ))}
          </div>
        </form>
      </div>
    </section>
  );
}
