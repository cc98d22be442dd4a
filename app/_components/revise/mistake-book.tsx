'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Lang } from '@/lib/engine';
import { MISCONCEPTIONS, migrateItemRef, SKILLS, type Misconception, type Skill } from '@/lib/quiz';
import {
  addMistake,
  buildQuestion,
  filterMistakes,
  lessonQuestion,
  mistakeFacets,
  recordMiss,
  removeMistake,
  retryRefOf,
  rightAnswerOf,
  targetOf,
  type LessonQuestionSource,
  type Mistake,
  type QuestionGrade,
} from '@/lib/revision';
import { Link } from '@/app/_lib/i18n/navigation';
import { freshSeed } from '@/app/_lib/quiz-input';
import { readNow, useRevision } from '@/app/_lib/revision-store';
import { QuizCard } from '@/app/_components/quiz/quiz-card';
import { useAnswerText } from './answer-text';
import { formatDate } from './format';
import { QuestionRecap } from './question-recap';
import { TrackCard, useGradeNote } from './track-question';

/** Each entry rebuilds its question to show the right answer: a page at a time keeps that quick. */
const PAGE = 25;

/**
 * The mistake book (错题本): each entry shows the question (its prompt, and the diagram on request),
 * your answer, the right one, the rule and the lesson section that teaches it; filter by skill and
 * misconception; each entry retried with fresh numbers.
 */
export function MistakeBook({ sections, lessons }: { sections: Record<Skill, string>; lessons: Record<string, LessonQuestionSource> }) {
  const t = useTranslations('revise.mistakes');
  const ts = useTranslations('skills');
  const tm = useTranslations('misconceptions');
  const id = useId();
  const { state } = useRevision();
  const [ready, setReady] = useState(false);
  const [skill, setSkill] = useState<Skill | null>(null);
  const [misconception, setMisconception] = useState<Misconception | null>(null);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setReady(true), []);

  const facets = useMemo(() => mistakeFacets(state.mistakes), [state.mistakes]);
  const shown = useMemo(() => filterMistakes(state.mistakes, { skill, misconception }), [state.mistakes, skill, misconception]);
  if (!ready) return null;
  if (state.mistakes.length === 0) return <p data-testid="mistakes-empty">{t('empty')}</p>;

  const select = 'mt-1 w-full rounded-md border border-border bg-bg px-3 py-2';
  return (
    <div className="space-y-4" data-testid="mistake-book">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-skill`} className="block text-sm font-semibold">
            {t('filterSkill')}
          </label>
          <select id={`${id}-skill`} value={skill ?? ''} onChange={(e) => setSkill((SKILLS as readonly string[]).includes(e.target.value) ? (e.target.value as Skill) : null)} className={select}>
            <option value="">{t('all', { count: state.mistakes.length })}</option>
            {facets.skills.map(([s, n]) => (
              <option key={s} value={s}>
                {ts(s)} ({n})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-mis`} className="block text-sm font-semibold">
            {t('filterMisconception')}
          </label>
          <select
            id={`${id}-mis`}
            value={misconception ?? ''}
            onChange={(e) => setMisconception((MISCONCEPTIONS as readonly string[]).includes(e.target.value) ? (e.target.value as Misconception) : null)}
            className={select}
          >
            <option value="">{t('all', { count: state.mistakes.length })}</option>
            {facets.misconceptions.map(([m, n]) => (
              <option key={m} value={m}>
                {tm(`${m}.label`)} ({n})
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="text-sm text-muted">
        {shown.length === 0 ? t('noMatch') : t('count', { count: shown.length })}
      </p>
      <ol className="space-y-3">
        {shown.slice(0, limit).map((m) => (
          <MistakeEntry key={m.ref} mistake={m} sections={sections} lesson={lessons[migrateItemRef(m.ref)] ?? null} />
        ))}
      </ol>
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)} className="min-h-10 rounded-md border border-border px-3 hover:bg-surface-2">
          {t('more', { count: Math.min(PAGE, shown.length - limit) })}
        </button>
      )}
    </div>
  );
}

function MistakeEntry({ mistake, sections, lesson }: { mistake: Mistake; sections: Record<Skill, string>; lesson: LessonQuestionSource | null }) {
  const t = useTranslations('revise.mistakes');
  const te = useTranslations('revise.exam');
  const ts = useTranslations('skills');
  const tm = useTranslations('misconceptions');
  const locale = useLocale();
  const lang = locale as Lang;
  const answerText = useAnswerText();
  const note = useGradeNote();
  const { update } = useRevision();
  const [retry, setRetry] = useState<string | null>(null);
  // A lesson question is rebuilt from its block, which the page hands in; any other from its ref.
  const question = useMemo(() => (lesson ? lessonQuestion(mistake.ref, lesson.quiz) : buildQuestion(mistake.ref)), [mistake.ref, lesson]);
  const right = useMemo(() => (question ? rightAnswerOf(question, lang) : null), [question, lang]);
  const retryQuestion = useMemo(() => (retry ? buildQuestion(retry) : null), [retry]);

  function startRetry() {
    setRetry(retryRefOf(mistake, freshSeed()));
  }

  /** A retried exam-track question is graded here; practice items record themselves (and are taken in as practice). */
  function trackDone(grade: QuestionGrade, response: unknown) {
    if (grade.correct || !retry) return;
    const at = readNow().at;
    update((s) => ({
      ...s,
      cards: recordMiss(s.cards, targetOf(retry, { skill: grade.skill, kind: 'multiple_choice' }), retry, at),
      mistakes: addMistake(s.mistakes, { at, ref: retry, source: 'review', kind: 'track', skill: grade.skill, misconception: grade.misconception, response }),
    }));
  }

  return (
    <li className="space-y-2 rounded-lg border border-border bg-surface p-4 text-sm" data-testid="mistake">
      <p className="text-muted">{t('when', { date: formatDate(mistake.at, locale), source: t(`source.${mistake.source}`) })}</p>
      {/* Each entry is a section of the book: its own heading keeps the diagram's h3 in order. */}
      <h2 className="text-base font-semibold">
        {ts(mistake.skill)}
        {mistake.misconception && <span className="font-normal text-muted"> · {tm(`${mistake.misconception}.label`)}</span>}
      </h2>
      {lesson && (
        <p className="text-muted">
          {t('fromLesson', { lesson: lesson.lesson })} ·{' '}
          <Link href={lesson.href} className="text-accent underline">
            {t('openLesson')}
          </Link>
        </p>
      )}
      {question ? (
        <>
          <QuestionRecap question={question} highlight={(mistake.response as { event?: number } | null)?.event ?? null} />
          {mistake.response !== null && mistake.response !== undefined ? (
            <p>{te('yourAnswer', { answer: answerText(question, mistake.response) })}</p>
          ) : (
            <p className="text-muted">{t('answerNotKept')}</p>
          )}
          {right && <p>{te('rightAnswer', { answer: answerText(question, right.canonical) })}</p>}
          {right?.explain && <p className="text-muted">{te('why', { explain: right.explain })}</p>}
          {right?.note && <p className="text-muted">{note(right)}</p>}
        </>
      ) : (
        <p className="text-muted">{t('unknown')}</p>
      )}
      {mistake.misconception && <p className="text-muted">{tm(`${mistake.misconception}.description`)}</p>}
      <p>
        <Link href={sections[mistake.skill]} className="text-accent underline">
          {te('readLesson')}
        </Link>
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={retry ? () => setRetry(null) : startRetry} className="min-h-10 rounded-md border border-accent px-3 font-medium text-accent hover:bg-surface-2">
          {retry ? t('closeRetry') : t('retry')}
        </button>
        <button type="button" onClick={() => update((s) => ({ ...s, mistakes: removeMistake(s.mistakes, mistake.ref) }))} className="min-h-10 rounded-md border border-border px-3 hover:bg-surface-2">
          {t('remove')}
        </button>
      </div>
      {retryQuestion?.source === 'quiz' && <QuizCard key={retryQuestion.ref} item={retryQuestion.item} itemKey={retryQuestion.ref} />}
      {retryQuestion?.source === 'track' && <TrackCard key={retryQuestion.ref} question={retryQuestion} onDone={trackDone} />}
    </li>
  );
}
