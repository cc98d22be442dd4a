// The review queue: every missed target is a card scheduled by FSRS (ts-fsrs). A miss or a failed
// review rates it Again (it comes back within minutes, then soon); a passed review rates it Good
// (the interval grows). An exam date pulls forward every card FSRS would next show after the exam,
// spread over the days before it, so that each is seen once more in the last week. Pure: the clock
// reading comes in as an argument, and cards are plain JSON (dates as epoch milliseconds).
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { dayOf, startOfDay, type Now } from './days';
import { targetKey, type ReviewTarget } from './targets';

/** ts-fsrs's Card with its dates as numbers, so that it survives JSON and storage unchanged. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
}

export interface ReviewCard {
  key: string;
  target: ReviewTarget;
  card: StoredCard;
  /** The question last served or missed for this card: the next one must differ from it. */
  lastRef: string | null;
  /** When it was last answered in a review (a miss elsewhere is not a review). */
  reviewedAt: number | null;
  /** Whether its last answer (a review, or the miss that made it) was right: why it comes back when it does. Absent on cards stored before it was kept. */
  passed?: boolean;
}

export interface QueuedCard {
  card: ReviewCard;
  /** When it is due, after exam-date pacing. */
  due: number;
  /** Pulled forward by the exam date. */
  paced: boolean;
}

/** Without fuzz the schedule is a function of the answers and their times alone. */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** A review in the last days before the exam counts as fresh for it. */
export const EXAM_WINDOW_DAYS = 7;

function toCard(c: StoredCard): Card {
  return { ...c, due: new Date(c.due), last_review: c.last_review === null ? undefined : new Date(c.last_review) } as Card;
}

function fromCard(c: Card): StoredCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review ? c.last_review.getTime() : null,
  };
}

function rate(card: StoredCard | null, rating: Grade, at: number): StoredCard {
  const base = card ? toCard(card) : createEmptyCard(new Date(at));
  return fromCard(scheduler.next(base, new Date(at), rating).card);
}

/** A question of this target was answered wrong: a new card, or a lapse of the existing one. */
export function recordMiss(cards: readonly ReviewCard[], target: ReviewTarget, ref: string | null, at: number): ReviewCard[] {
  const key = targetKey(target);
  const existing = cards.find((c) => c.key === key);
  const next: ReviewCard = { key, target, card: rate(existing?.card ?? null, Rating.Again, at), lastRef: ref ?? existing?.lastRef ?? null, reviewedAt: existing?.reviewedAt ?? null, passed: false };
  return existing ? cards.map((c) => (c.key === key ? next : c)) : [...cards, next];
}

/** A review of the card `key` was passed or failed: rescheduled. Unknown keys change nothing. */
export function recordReview(cards: readonly ReviewCard[], key: string, correct: boolean, ref: string, at: number): ReviewCard[] {
  return cards.map((c) => (c.key === key ? { ...c, card: rate(c.card, correct ? Rating.Good : Rating.Again, at), lastRef: ref, reviewedAt: at, passed: correct } : c));
}

/**
 * Every card with its due time after pacing, soonest first. With an exam on `examDay` (a local
 * day number, see days.ts) still ahead, a card FSRS would next show on or after that day, and not
 * reviewed in the window before it, is given a day in that window (or from today, when the
 * window has begun), spread evenly, so that everything is seen before the exam.
 */
export function schedule(cards: readonly ReviewCard[], now: Now, examDay: number | null): QueuedCard[] {
  const today = dayOf(now.at, now.offsetMinutes);
  const plain = (card: ReviewCard): QueuedCard => ({ card, due: card.card.due, paced: false });
  if (examDay === null || examDay <= today) return cards.map(plain).sort(byDue);
  const windowStart = Math.max(today, examDay - EXAM_WINDOW_DAYS);
  const covered = (c: ReviewCard) => c.card.last_review !== null && dayOf(c.card.last_review, now.offsetMinutes) >= windowStart;
  const late = cards.filter((c) => dayOf(c.card.due, now.offsetMinutes) >= examDay && !covered(c)).sort((x, y) => x.card.due - y.card.due);
  const days = examDay - windowStart;
  const paced = new Map(late.map((c, k) => [c.key, startOfDay(windowStart + Math.floor((k * days) / late.length), now.offsetMinutes)]));
  return cards
    .map((card) => {
      const due = paced.get(card.key);
      return due === undefined ? plain(card) : { card, due, paced: true };
    })
    .sort(byDue);
}

const byDue = (x: QueuedCard, y: QueuedCard) => x.due - y.due || x.card.key.localeCompare(y.card.key);

/** The cards to review today: everything due before the learner's day ends. */
export function dueToday(cards: readonly ReviewCard[], now: Now, examDay: number | null): QueuedCard[] {
  const end = startOfDay(dayOf(now.at, now.offsetMinutes) + 1, now.offsetMinutes);
  return schedule(cards, now, examDay).filter((q) => q.due < end);
}

/**
 * Today's cards split by whether they can be served now. A card reviewed earlier today waits for
 * its learning step (a minute after a fail, ten after a pass), so a session does not repeat it at
 * once: it comes back later today. Any other card due today (one just missed in an exam too) is
 * served whenever the learner sits down. Both soonest first.
 */
export function todaysQueue(cards: readonly ReviewCard[], now: Now, examDay: number | null): { now: QueuedCard[]; later: QueuedCard[] } {
  const today = dayOf(now.at, now.offsetMinutes);
  const answeredToday = (c: ReviewCard) => c.reviewedAt !== null && dayOf(c.reviewedAt, now.offsetMinutes) === today;
  const due = dueToday(cards, now, examDay);
  const servable = (q: QueuedCard) => q.due <= now.at || !answeredToday(q.card);
  return { now: due.filter(servable), later: due.filter((q) => !servable(q)) };
}

/** The card to serve now: the soonest of today's that is not waiting for its learning step; null when none is. */
export function nextDue(cards: readonly ReviewCard[], now: Now, examDay: number | null): QueuedCard | null {
  return todaysQueue(cards, now, examDay).now[0] ?? null;
}
