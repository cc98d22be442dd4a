'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { Difficulty } from '@/lib/engine/types';
import {
  buildItem,
  decodeSet,
  DIFFICULTIES,
  encodeSet,
  encodeSpec,
  makePracticeSet,
  TOPICS,
  advance,
  advanceEndless,
  answerAt,
  countMisconceptions,
  finish,
  firstTryAt,
  isFinished,
  restart,
  restoreEndless,
  restoreSession,
  serialiseSession,
  sessionResults,
  startEndless,
  startSession,
  type FirstTry,
  type ItemGrade,
  type ItemSpec,
  type PracticeSession,
  type QuizItem,
  type Response,
  type Skill,
  type Topic,
} from '@/lib/quiz';
import { Link } from '@/app/_lib/i18n/navigation';
import { endlessQuery, type EndlessLink, type PracticeLink } from '@/app/_lib/practice-link';
import { freshSeed, parseWhole } from '@/app/_lib/quiz-input';
import { CheckFieldset, RadioFieldset } from '@/app/_components/ui/choice-fieldsets';
import { SetupForm } from '@/app/_components/ui/setup-form';
import { TitledPanel } from '@/app/_components/ui/titled-panel';
import { QuizCard } from './quiz-card';

type Session =
  | { mode: 'set'; items: Array<{ spec: ItemSpec; item: QuizItem }>; query: string; skipped: number; repeats: number }
  | ({ mode: 'endless'; query: string } & EndlessLink);

type Result = FirstTry & { spec: ItemSpec };

const MAX_COUNT = 50;
/** Where a run's session is kept: per tab and per link, so a reload or a language switch continues it. */
const storageKey = (session: Session) => `synack-practice:${session.query}`;

function buildable(specs: ItemSpec[]): Array<{ spec: ItemSpec; item: QuizItem }> {
  return specs.flatMap((spec) => {
    try {
      return [{ spec, item: buildItem(spec) }];
    } catch {
      return [];
    }
  });
}

function sessionOf(link: PracticeLink): Session | null {
  if (link.mode === 'set') {
    const specs = decodeSet(link.q);
    const items = buildable(specs);
    return { mode: 'set', items, query: `q=${encodeSet(specs)}`, skipped: link.q.split('~').length - items.length, repeats: link.repeats };
  }
  if (link.mode === 'endless') return { ...link, query: endlessQuery(link) };
  return null;
}

/** A run from its start: a set's specs, or an endless run's first question. */
function freshProgress(session: Session): PracticeSession {
  return session.mode === 'set' ? startSession(session.items.map((x) => x.spec)) : startEndless(session);
}

/** A run's progress as stored in this tab (read only in the browser), or a fresh start. */
function storedProgress(session: Session | null, restore: boolean): PracticeSession | null {
  if (!session) return null;
  const text = restore ? window.sessionStorage.getItem(storageKey(session)) : null;
  const stored = session.mode === 'set' ? restoreSession(text, session.items.map((x) => x.spec)) : restoreEndless(text, session);
  return stored ?? freshProgress(session);
}

/** The question at the session's position, built from its spec (a set's are built already). */
function currentOf(session: Session, progress: PracticeSession): { spec: ItemSpec; item: QuizItem } | null {
  if (session.mode === 'set') return session.items[progress.position] ?? null;
  const spec = progress.specs[progress.position];
  return spec ? (buildable([spec])[0] ?? null) : null;
}

const noSubscription = () => () => {};

/**
 * Practice: choose topics, difficulty and length (or an endless run); answer; see a summary. The
 * URL replays the set or the run; the tab's sessionStorage keeps where the learner is in it. The
 * server renders the first question; once hydrated, the view starts again from what this tab
 * stored (a reload, a language switch).
 */
export function Practice({ link, sectionHrefs }: { link: PracticeLink; sectionHrefs: Record<Skill, string> }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  // Only a run this tab has stored starts the view again: remounting a fresh one would throw
  // away what the learner typed while the page was hydrating.
  const restore = inBrowser && hasStoredProgress(link);
  return <PracticeView key={restore ? 'restored' : 'fresh'} link={link} sectionHrefs={sectionHrefs} restore={restore} />;
}

function hasStoredProgress(link: PracticeLink): boolean {
  const session = sessionOf(link);
  return session !== null && window.sessionStorage.getItem(storageKey(session)) !== null;
}

function PracticeView({ link, sectionHrefs, restore }: { link: PracticeLink; sectionHrefs: Record<Skill, string>; restore: boolean }) {
  const t = useTranslations('practice');
  const [session, setSession] = useState<Session | null>(() => sessionOf(link));
  const [progress, setProgress] = useState<PracticeSession | null>(() => storedProgress(session, restore));
  const [round, setRound] = useState(0);

  function keep(of: Session, next: PracticeSession) {
    window.sessionStorage.setItem(storageKey(of), serialiseSession(next));
    setProgress(next);
  }

  function start(next: Session) {
    window.history.replaceState(null, '', `${window.location.pathname}?${next.query}`);
    setSession(next);
    keep(next, freshProgress(next));
    setRound((r) => r + 1);
  }

  function newSet() {
    window.history.replaceState(null, '', window.location.pathname);
    setSession(null);
    setProgress(null);
  }

  if (!session || !progress) return <ConfigForm onStart={start} emptyLink={link.mode === 'set'} />;
  if (session.mode === 'set' && session.items.length === 0) {
    return (
      <div className="space-y-4">
        <p role="alert">{t('emptyLink')}</p>
        <button type="button" onClick={newSet} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg">
          {t('newSet')}
        </button>
      </div>
    );
  }
  if (isFinished(progress)) {
    return (
      <Summary
        results={sessionResults(progress)}
        sectionHrefs={sectionHrefs}
        onAgain={() => {
          keep(session, session.mode === 'set' ? restart(progress) : freshProgress(session));
          setRound((r) => r + 1);
        }}
        onNew={newSet}
      />
    );
  }
  const index = progress.position;
  const current = currentOf(session, progress);
  return (
    <Run
      key={`${round}-${index}`}
      session={session}
      index={index}
      current={current}
      answered={firstTryAt(progress, index)}
      takeFocus={round > 0 || index > 0}
      onAnswered={(first) => keep(session, answerAt(progress, index, first))}
      onNext={() => keep(session, session.mode === 'set' ? advance(progress) : advanceEndless(progress, session))}
      onStop={() => keep(session, finish(progress))}
    />
  );
}

function Run({
  session,
  index,
  current,
  answered,
  takeFocus,
  onAnswered,
  onNext,
  onStop,
}: {
  session: Session;
  index: number;
  current: { spec: ItemSpec; item: QuizItem } | null;
  /** The first try, when this question was answered before a reload: it is not counted again. */
  answered: FirstTry | null;
  /** Reached by Start or Next (not by opening the page): the question's heading takes the focus. */
  takeFocus: boolean;
  onAnswered: (first: FirstTry) => void;
  onNext: () => void;
  onStop: () => void;
}) {
  const t = useTranslations('practice');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // As it was when the question opened: a first try made now is not "answered before".
  const [before] = useState(answered);
  const [done, setDone] = useState(before !== null);
  const total = session.mode === 'set' ? session.items.length : null;
  const last = total !== null && index + 1 >= total;

  // A new question (or the first after Start) takes the focus, so keyboard users land on it.
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [index, takeFocus]);

  // Kept at the first try, not when the question is over: a reload between the two tries must not count it again.
  const onFirstTry = (grade: ItemGrade, response: Response) => {
    if (!before) onAnswered({ correct: grade.correct, skill: grade.skill, misconception: grade.correct ? null : grade.misconception, response });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold" data-testid="question-counter">
          {total === null ? t('questionN', { n: index + 1 }) : t('questionOf', { n: index + 1, total })}
        </h2>
        {session.mode === 'set' && session.skipped > 0 && index === 0 && <p className="text-sm text-muted">{t('skipped', { count: session.skipped })}</p>}
        {session.mode === 'set' && session.repeats > 0 && index === 0 && <p className="text-sm text-muted">{t('repeats', { count: session.repeats })}</p>}
      </div>
      {before && (
        <p className="text-sm text-muted" data-testid="answered-before">
          {t('answeredBefore', { result: before.correct ? t('rightFirst') : t('notFirst') })}
        </p>
      )}
      {current && <QuizCard item={current.item} itemKey={encodeSpec(current.spec)} onDone={() => setDone(true)} onFirstTry={onFirstTry} recorded={before !== null} />}
      <div className="flex flex-wrap gap-2">
        {(done || !current) && (
          <button type="button" onClick={onNext} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
            {last ? t('finish') : t('next')}
          </button>
        )}
        {session.mode === 'endless' && (
          <button type="button" onClick={onStop} className="min-h-11 rounded-md border border-border px-4 font-medium hover:bg-surface-2">
            {t('stop')}
          </button>
        )}
      </div>
      <ShareLink query={session.query} />
    </div>
  );
}

function ShareLink({ query }: { query: string }) {
  const t = useTranslations('practice');
  const id = useId();
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => setUrl(`${window.location.origin}${window.location.pathname}?${query}`), [query]);
  return (
    <div className="rounded-lg border border-border bg-surface p-4">
      <label htmlFor={`${id}-url`} className="block text-sm font-semibold">
        {t('share')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t('shareHint')}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id={`${id}-url`}
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          data-testid="share-url"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-border bg-bg px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
          className="min-h-10 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2"
        >
          {t('copy')}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-ok">
        {copied ? t('copied') : ''}
      </p>
    </div>
  );
}

function ConfigForm({ onStart, emptyLink }: { onStart: (s: Session) => void; emptyLink: boolean }) {
  const t = useTranslations('practice');
  const id = useId();
  const [topics, setTopics] = useState<Topic[]>(['handshake', 'teardown']);
  const [difficulty, setDifficulty] = useState<Difficulty>('beginner');
  const [count, setCount] = useState('5');
  const [endless, setEndless] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (topics.length === 0) return setError(t('noTopics'));
    const seed = freshSeed();
    const chosen = TOPICS.filter((x) => topics.includes(x));
    if (endless) return onStart({ mode: 'endless', seed, topics: chosen, difficulty, query: endlessQuery({ seed, topics: chosen, difficulty }) });
    const n = parseWhole(count, MAX_COUNT);
    if (!n.ok || n.value < 1) return setError(t('badCount'));
    const specs = makePracticeSet({ topics: chosen, difficulty, count: n.value }, seed);
    onStart({ mode: 'set', items: buildable(specs), query: `q=${encodeSet(specs)}`, skipped: 0, repeats: 0 });
  }

  return (
    <SetupForm title={t('configure')} onSubmit={submit} error={error} submitLabel={t('start')}>
      {emptyLink && <p className="text-danger">{t('emptyLink')}</p>}
      <CheckFieldset legend={t('topics')} options={TOPICS} chosen={topics} onChange={setTopics} label={(topic) => t(`topicNames.${topic}`)} />
      <RadioFieldset legend={t('difficulty')} name={`${id}-difficulty`} options={DIFFICULTIES} value={difficulty} onChange={setDifficulty} label={(d) => t(`difficultyNames.${d}`)} />
      <fieldset className="rounded-lg border border-border bg-surface p-4">
        <legend className="px-1 font-semibold">{t('length')}</legend>
        <label htmlFor={`${id}-count`} className="block text-sm font-medium">
          {t('count')}
        </label>
        <input
          id={`${id}-count`}
          type="text"
          inputMode="numeric"
          value={count}
          disabled={endless}
          onChange={(e) => setCount(e.target.value)}
          className="mt-1 w-28 rounded-md border border-border bg-bg px-3 py-2 font-mono disabled:opacity-50"
        />
        <label className="mt-3 flex min-h-10 items-center gap-2">
          <input type="checkbox" className="size-4" checked={endless} onChange={(e) => setEndless(e.target.checked)} />
          {t('endless')}
        </label>
      </fieldset>
    </SetupForm>
  );
}

function Summary({ results, sectionHrefs, onAgain, onNew }: { results: Result[]; sectionHrefs: Record<Skill, string>; onAgain: () => void; onNew: () => void }) {
  const t = useTranslations('practice');
  const tm = useTranslations('misconceptions');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const correct = results.filter((r) => r.correct).length;
  const counts = countMisconceptions(results);

  return (
    <section aria-labelledby="summary-title" className="space-y-5" data-testid="practice-summary">
      <h2 id="summary-title" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
        {t('summary')}
      </h2>
      <p className="text-lg font-medium">{t('score', { correct, total: results.length })}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <TitledPanel title={t('items')} className="md:col-span-2">
          <ol className="mt-2 space-y-2 text-sm">
            {results.map((r, i) => (
              <SummaryRow key={i} n={i + 1} result={r} sectionHref={sectionHrefs[r.skill]} />
            ))}
          </ol>
        </TitledPanel>
        <TitledPanel title={t('misconceptionsSeen')}>
          {counts.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t('none')}</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {counts.map(({ misconception: m, count: n }) => (
                <li key={m}>
                  <span className="font-semibold">
                    {tm(`${m}.label`)} ×{n}
                  </span>
                  <span className="block text-muted">{tm(`${m}.description`)}</span>
                </li>
              ))}
            </ul>
          )}
        </TitledPanel>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onAgain} className="min-h-11 rounded-md border border-border px-4 font-medium hover:bg-surface-2">
          {t('again')}
        </button>
        <button type="button" onClick={onNew} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
          {t('newSet')}
        </button>
        <Link href="/progress" className="inline-flex min-h-11 items-center px-2 text-accent underline">
          {t('seeProgress')}
        </Link>
      </div>
    </section>
  );
}

/**
 * One answered question of the summary: how it went, and the question itself on request, closed
 * on the answer given with the feedback and the rule it got (a try again is a link of its own).
 */
function SummaryRow({ n, result: r, sectionHref }: { n: number; result: Result; sectionHref: string }) {
  const t = useTranslations('practice');
  const tk = useTranslations('quiz.kinds');
  const ts = useTranslations('skills');
  const id = useId();
  const [open, setOpen] = useState(false);
  const item = open && r.response !== undefined ? (buildable([r.spec])[0]?.item ?? null) : null;
  return (
    <li data-testid="summary-row">
      <div className="flex gap-2">
        <span aria-hidden="true" className={r.correct ? 'text-ok' : 'text-danger'}>
          {r.correct ? '✓' : '✗'}
        </span>
        <span>
          {n}. {tk(r.spec.kind)} · {ts(r.skill)} <span className="sr-only">({r.correct ? t('rightFirst') : t('notFirst')})</span>
          <span className="block text-muted">
            {r.response !== undefined && (
              <>
                <button type="button" aria-expanded={open} aria-controls={`${id}-question`} onClick={() => setOpen((o) => !o)} className="text-accent underline">
                  {open ? t('hideQuestion', { n }) : t('showQuestion', { n })}
                </button>
                {' · '}
              </>
            )}
            <Link href={`/practice?q=${encodeSpec(r.spec)}`} className="text-accent underline">
              {t('reviewQuestion', { n })}
            </Link>
            {' · '}
            <Link href={sectionHref} className="text-accent underline">
              {t('readSection', { skill: ts(r.skill) })}
            </Link>
          </span>
        </span>
      </div>
      <div id={`${id}-question`} className="mt-2 empty:hidden">
        {item && r.response !== undefined && <QuizCard item={item} itemKey={encodeSpec(r.spec)} heading={t('yourAnswerTo', { n })} review={r.response} />}
      </div>
    </li>
  );
}
