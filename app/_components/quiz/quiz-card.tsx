'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { flagsText, type Lang } from '@/lib/engine';
import { answerShape, gradeItem, revealRule, type ItemGrade, type QuizItem, type Response } from '@/lib/quiz';
import { draftOf, draftResponse, EMPTY_DRAFT, type Draft } from '@/app/_lib/quiz-draft';
import { segmentText } from '@/app/_lib/quiz-format';
import { useQuizProgress } from '@/app/_lib/quiz-progress';
import { AnswerFields, useDraftErrorText } from './answer-fields';
import type { FieldErrors } from './answer/form-props';
import { CardDiagram } from './card-diagram';
import { useChoices } from './choices';
import { useItemPrompt } from './item-prompt';
import { QuestionPanel } from './question-panel';
import { QuizFeedback, type Feedback } from './quiz-feedback';

type Built = { ok: true; response: Response } | { ok: false; errors: FieldErrors };

type Phase = 'answering' | 'retry' | 'correct' | 'revealed';

export interface QuizOutcome {
  /** Right at the first try. */
  correct: boolean;
  grade: ItemGrade;
}

/** What the card says once a question is over, right or revealed, and the words that go with it. */
function useClosingWords(item: QuizItem) {
  const t = useTranslations('quiz');
  const lang = useLocale() as Lang;
  const choices = useChoices();

  function describeCanonical(grade: ItemGrade): string {
    const c = grade.canonical;
    if (typeof c === 'object' && c !== null && ('option' in c || 'event' in c)) {
      const value = 'option' in c ? c.option : c.event;
      return choices(answerShape(item)).find((x) => x.value === value)?.text ?? '';
    }
    if (Array.isArray(c)) return flagsText(c) || t('noFlags');
    if (typeof c === 'object' && c !== null) return segmentText(c, t('noFlags'));
    return String(c);
  }

  return {
    right: (grade: ItemGrade, atFirstTry: boolean): Feedback => ({ tone: 'ok', lines: [atFirstTry ? t('correct') : t('correctSecond'), grade.explain] }),
    // First why the answer given is wrong (a RST: why no RST here), then the answer, then the
    // right answer's rule only when that explanation has not already said it.
    revealed: (grade: ItemGrade): Feedback => {
      const rule = revealRule(item, grade, lang);
      return { tone: 'wrong', lines: [grade.explain, t('revealed', { answer: describeCanonical(grade) }), ...(rule ? [t('rule', { rule })] : [])] };
    },
  };
}

/**
 * One question of any kind, next to the diagram of the connection so far: the shell around the
 * answer form of its kind. Graded in the browser by the engine: confirmed with the rule, or
 * explained and tried again, then revealed on the diagram with the learner's wrong answer drawn
 * where it would have gone. The first try is recorded. With `review`, it opens on an answer given
 * before, read-only, with the feedback and the rule that answer got.
 */
export function QuizCard({
  item,
  itemKey,
  heading,
  onDone,
  onFirstTry,
  recorded = false,
  review,
  takeFocus = false,
}: {
  item: QuizItem;
  /** Identifies the question in the progress history. */
  itemKey: string;
  heading?: string;
  onDone?: (outcome: QuizOutcome) => void;
  /** The first try, graded, as soon as it is made (the question may go on to a second try). */
  onFirstTry?: (grade: ItemGrade, response: Response) => void;
  /** The first try at this question is already in the progress history (answered before a reload). */
  recorded?: boolean;
  /** An answer given before, shown graded and closed: nothing is recorded. */
  review?: Response;
  /** Opened by the learner (a lesson's "Answer the question"): the focus moves to the question's heading. */
  takeFocus?: boolean;
}) {
  const t = useTranslations('quiz');
  const lang = useLocale() as Lang;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { record } = useQuizProgress();
  const words = useClosingWords(item);
  const shape = useMemo(() => answerShape(item), [item]);
  const [opened] = useState(() => {
    if (review === undefined) return null;
    const grade = gradeItem(item, review, lang);
    return { grade, phase: (grade.correct ? 'correct' : 'revealed') as Phase, feedback: grade.correct ? words.right(grade, true) : words.revealed(grade) };
  });
  const [draft, setDraft] = useState<Draft>(() => (review === undefined ? EMPTY_DRAFT : draftOf(review)));
  const [phase, setPhase] = useState<Phase>(opened?.phase ?? 'answering');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(opened?.feedback ?? null);
  const [wrong, setWrong] = useState<Response | null>(opened && !opened.grade.correct ? (review ?? null) : null);
  const firstGrade = useRef<ItemGrade | null>(opened?.grade ?? null);
  /** The grade shown once the question is over: it marks the right choice and says why the others are wrong. */
  const [finalGrade, setFinalGrade] = useState<ItemGrade | null>(opened?.grade ?? null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const done = phase === 'correct' || phase === 'revealed';

  // The button that opened the question is gone: without this the focus would drop to the page's top.
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);

  // The check button goes away once answered: keep keyboard focus on the feedback, not the body.
  useEffect(() => {
    if (done && review === undefined) feedbackRef.current?.focus();
  }, [done, review]);

  const errorText = useDraftErrorText();
  const prompt = useItemPrompt()(item);

  function build(): Built {
    const r = draftResponse(shape, draft);
    if (r.ok) return r;
    const fieldErrors = Object.fromEntries(Object.entries(r.errors).map(([field, e]) => [field, errorText(e)])) as FieldErrors;
    return { ok: false, errors: fieldErrors };
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
      onFirstTry?.(grade, built.response);
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
      setFeedback(words.right(grade, first));
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
    setFinalGrade(grade);
    setPhase('revealed');
    setFeedback(words.revealed(grade));
    onDone?.({ correct: false, grade: firstGrade.current ?? grade });
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

  const canonicalChoice = finalGrade?.canonical as { option?: number; event?: number } | undefined;
  const rightChoice = canonicalChoice?.option ?? canonicalChoice?.event ?? null;
  const feedbackId = `${id}-feedback`;

  return (
    <QuestionPanel
      id={id}
      kind={item.kind}
      prompt={prompt}
      heading={heading}
      headingRef={headingRef}
      data-testid="quiz-card"
      data-phase={phase}
      diagram={<CardDiagram id={`${id}-d`} item={item} done={done} wrong={phase === 'revealed' ? wrong : null} highlight={draft.choice} />}
    >
      <form onSubmit={check} noValidate className="min-w-0 space-y-4" aria-describedby={feedbackId}>
        <fieldset disabled={done} className="space-y-4">
          <legend className="sr-only">{prompt}</legend>
          <AnswerFields
            item={shape}
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
        <QuizFeedback id={feedbackId} ref={feedbackRef} feedback={feedback} />
      </form>
    </QuestionPanel>
  );
}
