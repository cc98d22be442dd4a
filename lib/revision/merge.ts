// Two copies of one learner's revision state (this browser's and the account's) made one, so a
// review done offline on a phone and an exam sat on a laptop both survive. Nothing is dropped:
// cards, mistakes and exams are united by their keys, and where both copies hold the same one
// the one with more history wins. Pure; merging a state with itself gives it back.
import type { ExamSession } from './exam';
import { addMistake } from './mistakes';
import type { ReviewCard } from './schedule';
import { MAX_EXAMS, MAX_RECENT_EXAMS, type RevisionState } from './state';

function unite<T>(a: readonly T[], b: readonly T[], key: (x: T) => string, better: (x: T, y: T) => T): T[] {
  const by = new Map<string, T>();
  for (const x of [...a, ...b]) {
    const k = key(x);
    const seen = by.get(k);
    by.set(k, seen === undefined ? x : better(seen, x));
  }
  return [...by.values()];
}

/** The card answered more often, or, as often, reviewed last. */
function laterCard(x: ReviewCard, y: ReviewCard): ReviewCard {
  const history = (c: ReviewCard) => c.card.reps + c.card.lapses;
  if (history(x) !== history(y)) return history(x) > history(y) ? x : y;
  return (y.card.last_review ?? 0) > (x.card.last_review ?? 0) ? y : x;
}

/** The copy of one exam with more done in it. */
function furtherExam(x: ExamSession, y: ExamSession): ExamSession {
  const done = (s: ExamSession) => (s.finishedAt !== null ? 1e6 : 0) + s.answers.filter((a) => a !== null).length * 1000 + s.visits.length;
  return done(y) > done(x) ? y : x;
}

export function mergeRevision(a: RevisionState, b: RevisionState): RevisionState {
  const cards = unite(a.cards, b.cards, (c) => c.key, laterCard);
  const mistakes = [...a.mistakes, ...b.mistakes].sort((x, y) => x.at - y.at).reduce(addMistake, []);
  const exams = unite(a.exams, b.exams, (e) => e.id, (x) => x)
    .sort((x, y) => x.at - y.at)
    .slice(-MAX_EXAMS);
  const recentExams = unite(a.recentExams, b.recentExams, (e) => e.id, furtherExam)
    .sort((x, y) => x.startedAt - y.startedAt)
    .slice(-MAX_RECENT_EXAMS);
  const handedIn = new Set(exams.map((e) => e.id));
  const active = [a.activeExam, b.activeExam].filter((s): s is ExamSession => s !== null && !handedIn.has(s.id));
  const activeExam = active.reduce<ExamSession | null>((x, y) => (x === null ? y : x.id === y.id ? furtherExam(x, y) : y.startedAt > x.startedAt ? y : x), null);
  const date = b.examDateSetAt > a.examDateSetAt ? b : a;
  return {
    version: 1,
    cards,
    mistakes,
    exams,
    recentExams,
    activeExam,
    examDate: date.examDate,
    examDateSetAt: date.examDateSetAt,
    ingestedUpTo: Math.max(a.ingestedUpTo, b.ingestedUpTo),
  };
}
