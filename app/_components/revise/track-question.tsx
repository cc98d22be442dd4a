'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Lang } from '@/lib/engine';
import { gradeQuestion, trackPromptKey, type QuestionGrade, type RevisionQuestion, type TrackItem } from '@/lib/revision';
import { useTrackOptionText } from './answer-text';
import { letter } from '@/app/_components/quiz/choices';

type TrackQuestion = Extract<RevisionQuestion, { source: 'track' }>;

/** An exam-track question's words, in the learner's language, with both sets of terms. */
export function useTrackPrompt(): (item: TrackItem) => string {
  const t = useTranslations('revise.track');
  return (item) => {
    // A side is named as exams name it: the client (A), the server (B).
    const sides = Object.fromEntries(
      (['closer', 'side', 'peer'] as const).flatMap((key) => {
        const side = item.params[key];
        return side === 'A' || side === 'B' ? [[key, t(`side.${side}`)]] : [];
      }),
    );
    const list = item.segments.map((s) => t('segment', s)).join(t('listSeparator'));
    return t(`prompts.${trackPromptKey(item)}` as `prompts.${TrackItem['style']}`, { ...item.params, ...sides, list });
  };
}

/** The note a track grade carries (2MSL in seconds, what a loss does to B's ACKs), in words. */
export function useGradeNote(): (grade: QuestionGrade) => string {
  const t = useTranslations('revise.track');
  return ({ note }) => {
    if (!note) return '';
    if (note.key === 'loss') return t(`loss.${note.step}`, { from: note.from, to: note.to });
    return t('twoMsl', { msl: note.msl, total: 2 * note.msl, side: t(`side.${note.side}`) });
  };
}

/** The prompt and the four choices; controlled, with no grading (a mock exam grades at the end). */
export function TrackChoices({
  item,
  value,
  onChange,
  disabled = false,
  headingLevel = 'h2',
}: {
  item: TrackItem;
  value: number | null;
  onChange: (option: number) => void;
  disabled?: boolean;
  headingLevel?: 'h2' | 'h3';
}) {
  const t = useTranslations('revise.track');
  const tq = useTranslations('quiz');
  const id = useId();
  const prompt = useTrackPrompt()(item);
  const optionText = useTrackOptionText();
  const Heading = headingLevel;
  return (
    <fieldset disabled={disabled} className="space-y-3" aria-labelledby={`${id}-prompt`}>
      <p className="text-sm font-medium text-muted">
        {t('kind')} · {t(`styleNames.${item.style}`)}
      </p>
      <Heading id={`${id}-prompt`} className="text-lg font-semibold leading-relaxed">
        {prompt}
      </Heading>
      <div role="radiogroup" aria-labelledby={`${id}-prompt`} className="space-y-2">
        {item.options.map((option, i) => (
          <label
            key={i}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-border px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-[var(--accent-soft)]"
          >
            <input type="radio" name={`${id}-choice`} checked={value === i} onChange={() => onChange(i)} className="mt-1.5" />
            <span className="[overflow-wrap:anywhere]">
              {tq('optionText', { letter: letter(i), text: optionText(item, option) })}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** An exam-track question with immediate feedback, for a review or a retry from the mistake book. */
export function TrackCard({ question, onDone }: { question: TrackQuestion; onDone: (grade: QuestionGrade, response: { option: number }) => void }) {
  const tq = useTranslations('quiz');
  const lang = useLocale() as Lang;
  const note = useGradeNote();
  const optionText = useTrackOptionText();
  const [choice, setChoice] = useState<number | null>(null);
  const [grade, setGrade] = useState<QuestionGrade | null>(null);
  const [error, setError] = useState<string | null>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (grade) feedbackRef.current?.focus();
  }, [grade]);

  function check(event: FormEvent) {
    event.preventDefault();
    if (grade) return;
    if (choice === null) return setError(tq('inputErrors.noOption'));
    const g = gradeQuestion(question, { option: choice }, lang);
    setError(null);
    setGrade(g);
    onDone(g, { option: choice });
  }

  const right = grade ? (grade.canonical as { option: number }).option : -1;
  const rightOption = question.item.options[right];
  return (
    <form onSubmit={check} noValidate data-testid="track-card" data-phase={grade ? (grade.correct ? 'correct' : 'revealed') : 'answering'} className="space-y-4 rounded-xl border border-border bg-surface p-4 shadow-sm">
      <TrackChoices item={question.item} value={choice} onChange={setChoice} disabled={grade !== null} />
      {!grade && (
        <button type="submit" className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
          {tq('check')}
        </button>
      )}
      <div ref={feedbackRef} tabIndex={-1} role="status" aria-live="polite" data-testid="quiz-feedback" className={grade || error ? `space-y-1 rounded-md border p-3 text-sm ${grade?.correct ? 'border-ok' : 'border-danger'}` : ''}>
        {error && <p>{error}</p>}
        {grade && (
          <>
            <p className={`font-semibold ${grade.correct ? 'text-ok' : 'text-danger'}`}>
              <span aria-hidden="true">{grade.correct ? '✓ ' : '✗ '}</span>
              {grade.correct ? tq('correct') : tq('revealed', { answer: rightOption ? tq('optionText', { letter: letter(right), text: optionText(question.item, rightOption) }) : '' })}
            </p>
            {grade.explain && <p>{grade.explain}</p>}
            {grade.note && <p>{note(grade)}</p>}
          </>
        )}
      </div>
    </form>
  );
}
