'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { answerReview, buildQuestion, freshRef, nextDue, parseDay, todaysQueue, trackStyleSkill, type QuestionGrade, type ReviewCard, type RevisionQuestion } from '@/lib/revision';
import { Link } from '@/app/_lib/i18n/navigation';
import { freshSeed } from '@/app/_lib/quiz-input';
import { readNow, useRevision } from '@/app/_lib/revision-store';
import { QuizCard, type QuizOutcome } from '@/app/_components/quiz/quiz-card';
import { formatDate, formatTime } from './format';
import { TrackCard } from './track-question';

interface Served {
  card: ReviewCard;
  question: RevisionQuestion;
  paced: boolean;
}

/**
 * Today's review: one fresh question at a time for each card due, graded at once; a pass or a
 * fail reschedules the card (FSRS). Cards live in storage, so a reload picks up where it was.
 */
export function ReviewSession() {
  const t = useTranslations('revise.review');
  const ts = useTranslations('skills');
  const locale = useLocale();
  const { state, update } = useRevision();
  const examDay = state.examDate ? parseDay(state.examDate) : null;
  const [served, setServed] = useState<Served | null>(null);
  const [answered, setAnswered] = useState(false);
  const [done, setDone] = useState(0);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [ready, setReady] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Storage is read after hydration: serve the first card once the real state is in.
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (!ready || served || answered) return;
    const due = nextDue(
      state.cards.filter((c) => !skipped.has(c.key)),
      readNow(),
      examDay,
    );
    if (!due) return;
    // New numbers each time: a seed of its own, and never the question last seen for this card.
    const ref = freshRef(due.card.target, freshSeed(), due.card.lastRef);
    const question = ref ? buildQuestion(ref) : null;
    if (question) setServed({ card: due.card, question, paced: due.paced });
    else setSkipped((keys) => new Set(keys).add(due.card.key));
  }, [ready, served, answered, state.cards, examDay, skipped]);

  // What can still be served today: a card waiting for its learning step comes back later, and a
  // card no fresh question could be made for is skipped, so neither is "left" (0 when done).
  // Read at each render, not memoised: the clock moves on between answers.
  const queue = ready ? todaysQueue(state.cards, readNow(), examDay) : { now: [], later: [] };
  const left = queue.now.filter((q) => !skipped.has(q.card.key)).length;

  function record(grade: QuestionGrade, response: unknown) {
    if (!served) return;
    const { card, question } = served;
    update((s) => answerReview(s, card.key, question.ref, response, grade, readNow().at));
    setAnswered(true);
    setDone((n) => n + 1);
  }

  function onQuizDone(outcome: QuizOutcome) {
    const g = outcome.grade;
    record({ correct: outcome.correct, explain: g.explain, canonical: g.canonical, note: null, skill: g.skill, misconception: outcome.correct ? null : g.misconception }, null);
  }

  function next() {
    setServed(null);
    setAnswered(false);
    headingRef.current?.focus();
  }

  const later = queue.later;
  const end = later.at(-1)?.due ?? readNow().at;
  const upcoming = state.cards
    .map((c) => c.card.due)
    .filter((due) => due > end)
    .sort((a, b) => a - b)[0];

  return (
    <div className="space-y-4" data-testid="review-session" data-ref={served?.question.ref}>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold" data-testid="review-progress">
        {t('progress', { done, left })}
      </h2>
      {served ? (
        <>
          <p className="text-sm text-muted" data-testid="review-skill">
            {[
              // A spot-the-error card's skill names the rule the planted segment breaks, so it points
              // at the answer: it is said once the card is answered.
              (answered || !(served.question.source === 'quiz' && served.question.item.kind === 'spot_error')) &&
                t('skillLabel', { skill: ts(served.card.target.type === 'quiz' ? served.card.target.skill : served.question.skill) }),
              served.paced && t('paced'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {served.question.source === 'quiz' ? (
            <QuizCard key={served.question.ref} item={served.question.item} itemKey={`review:${served.question.ref}`} onDone={onQuizDone} />
          ) : (
            <TrackCard key={served.question.ref} question={served.question} onDone={record} />
          )}
          {answered && (
            <button type="button" onClick={next} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
              {t('next')}
            </button>
          )}
        </>
      ) : (
        ready && (
          <section aria-labelledby="review-done" className="space-y-2 rounded-lg border border-border bg-surface p-4" data-testid="review-done">
            <h3 id="review-done" className="text-lg font-semibold">
              {t('doneTitle')}
            </h3>
            {later.length === 0 ? (
              <p>{t('doneNone')}</p>
            ) : (
              <>
                <p>{t('laterTitle', { count: later.length })}</p>
                <ul className="list-disc space-y-1 pl-5" data-testid="review-later">
                  {later.map((q) => (
                    <li key={q.card.key}>
                      {t('laterItem', {
                        skill: ts(q.card.target.type === 'quiz' ? q.card.target.skill : trackStyleSkill(q.card.target.style)),
                        time: formatTime(q.due, locale),
                        why: t(q.card.passed === undefined ? 'whyDue' : q.card.passed ? 'whyPassed' : 'whyMissed'),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {skipped.size > 0 && <p className="text-muted">{t('noQuestion')}</p>}
            {upcoming !== undefined && <p className="text-muted">{t('nextDue', { when: formatDate(upcoming, locale) })}</p>}
            <Link href="/revise" className="inline-block text-accent underline">
              {t('back')}
            </Link>
          </section>
        )
      )}
    </div>
  );
}
