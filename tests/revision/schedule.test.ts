import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf, dueToday, EXAM_WINDOW_DAYS, nextDue, parseDay, recordMiss, recordReview, schedule, startOfDay, targetKey, todaysQueue, type ReviewCard, type ReviewTarget } from '@/lib/revision';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-12-01 09:00 in UTC+8 (offset -480), so that local days differ from UTC days.
const OFFSET = -480;
const T0 = Date.UTC(2026, 11, 1, 1, 0, 0);
const now = (at: number) => ({ at, offsetMinutes: OFFSET });
const ackOfSyn: ReviewTarget = { type: 'quiz', skill: 'ack_of_syn', kind: 'ack', family: 'handshake', difficulty: 'beginner' };
const timeWait: ReviewTarget = { type: 'track', style: 'time_wait', difficulty: 'beginner' };

/** A card reviewed right `passes` times after its miss, each when it fell due. */
function reviewed(target: ReviewTarget, passes: number): { cards: ReviewCard[]; at: number } {
  let cards = recordMiss([], target, null, T0);
  let at = T0;
  for (let i = 0; i < passes; i++) {
    at = Math.max(at, cards[0]!.card.due);
    cards = recordReview(cards, targetKey(target), true, `r${i}`, at);
  }
  return { cards, at };
}

describe('review scheduling (FSRS)', () => {
  it('a failed skill comes back sooner than a passed one', () => {
    const start = reviewed(ackOfSyn, 3);
    const key = targetKey(ackOfSyn);
    const at = start.cards[0]!.card.due;
    const passed = recordReview(start.cards, key, true, 'p', at)[0]!.card.due;
    const failed = recordReview(start.cards, key, false, 'f', at)[0]!.card.due;
    expect(failed).toBeLessThan(passed);
    expect(passed - at).toBeGreaterThan(DAY);
  });

  it('a miss is due again within minutes, the same day', () => {
    const cards = recordMiss([], ackOfSyn, 'ack.handshake.1.b', T0);
    expect(cards[0]!.card.due - T0).toBeLessThanOrEqual(10 * 60_000);
    expect(dueToday(cards, now(T0), null).map((q) => q.card.key)).toEqual([targetKey(ackOfSyn)]);
  });

  it('missing the same skill in the same shape again lapses one card, not two', () => {
    let cards = recordMiss([], ackOfSyn, 'a', T0);
    cards = recordMiss(cards, ackOfSyn, 'b', T0 + HOUR);
    cards = recordMiss(cards, timeWait, 'c', T0 + HOUR);
    expect(cards.map((c) => c.key)).toEqual([targetKey(ackOfSyn), targetKey(timeWait)]);
    expect(cards[0]!.lastRef).toBe('b');
  });

  it('a card answered in today\'s review leaves what is left now and comes back later today, with why', () => {
    let cards = recordMiss([], ackOfSyn, 'a', T0);
    cards = recordMiss(cards, timeWait, 'c', T0);
    expect(cards.map((c) => c.passed)).toEqual([false, false]);
    const at = T0 + 2 * 60_000;
    expect(todaysQueue(cards, now(at), null).now).toHaveLength(2);
    cards = recordReview(cards, targetKey(ackOfSyn), true, 'b', at);
    cards = recordReview(cards, targetKey(timeWait), false, 'd', at);
    const q = todaysQueue(cards, now(at + 1000), null);
    expect(q.now).toHaveLength(0); // "0 left today": nothing can be served now
    expect(q.later.map((c) => [c.card.key, c.card.passed])).toEqual([
      [targetKey(timeWait), false], // a fail returns sooner than a pass
      [targetKey(ackOfSyn), true],
    ]);
    for (const c of q.later) expect(dayOf(c.due, OFFSET)).toBe(dayOf(at, OFFSET));
    expect(nextDue(cards, now(at + 1000), null)).toBeNull();
    // Once its step is over it is served again.
    const back = q.later[0]!.due;
    expect(todaysQueue(cards, now(back), null).now.map((c) => c.card.key)).toEqual([targetKey(timeWait)]);
  });

  it('serves a card just missed outside a review at once', () => {
    const cards = recordMiss([], ackOfSyn, 'a', T0);
    expect(nextDue(cards, now(T0 + 1000), null)?.card.key).toBe(targetKey(ackOfSyn));
  });

  it('does not serve a card again the moment it was reviewed', () => {
    const cards = recordMiss([], ackOfSyn, 'a', T0);
    const at = cards[0]!.card.due;
    expect(nextDue(cards, now(at), null)?.card.key).toBe(targetKey(ackOfSyn));
    const after = recordReview(cards, targetKey(ackOfSyn), true, 'b', at);
    expect(nextDue(after, now(at + 1000), null)).toBeNull();
    expect(dueToday(after, now(at + 1000), null)).toHaveLength(1); // due again later today
  });

  it('"today" is the learner\'s local day', () => {
    const localDay = dayOf(T0, OFFSET);
    expect(startOfDay(localDay, OFFSET)).toBe(Date.UTC(2026, 10, 30, 16, 0, 0));
    expect(parseDay('2026-12-01')).toBe(localDay);
    expect(parseDay('2026-02-30')).toBeNull();
  });
});

describe('exam date pacing', () => {
  it('pulls a review that would come after the exam into the days before it', () => {
    const { cards, at } = reviewed(ackOfSyn, 6);
    const due = cards[0]!.card.due;
    const today = dayOf(at, OFFSET);
    expect(dayOf(due, OFFSET) - today).toBeGreaterThan(20);
    const exam = today + 10;
    const [queued] = schedule(cards, now(at), exam);
    expect(queued!.paced).toBe(true);
    expect(dayOf(queued!.due, OFFSET)).toBeGreaterThanOrEqual(exam - EXAM_WINDOW_DAYS);
    expect(dayOf(queued!.due, OFFSET)).toBeLessThan(exam);
    expect(queued!.due).toBeLessThan(due);
    // Without an exam, or with one already past, FSRS's date stands.
    expect(schedule(cards, now(at), null)[0]!.due).toBe(due);
    expect(schedule(cards, now(at), today - 1)[0]!.due).toBe(due);
  });

  it('leaves alone a card reviewed in the last week before the exam', () => {
    const { cards, at } = reviewed(ackOfSyn, 6);
    const today = dayOf(at, OFFSET);
    expect(schedule(cards, now(at), today + 3)[0]!.paced).toBe(false);
  });

  it('whatever the deck, a learner who reviews what is due each day sees every card before the exam', () => {
    const deck = fc.array(fc.record({ passes: fc.integer({ min: 0, max: 6 }), style: fc.constantFrom('time_wait', 'wave_states', 'bytes_sent', 'cumulative_ack'), expert: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(deck, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 23 }), (entries, daysToExam, hour) => {
        let cards: ReviewCard[] = [];
        let at = T0;
        for (const e of entries) {
          const target: ReviewTarget = { type: 'track', style: e.style as 'time_wait', difficulty: e.expert ? 'expert' : 'beginner' };
          cards = recordMiss(cards, target, null, at);
          for (let i = 0; i < e.passes; i++) {
            const card = cards.find((c) => c.key === targetKey(target))!;
            at = Math.max(at, card.card.due);
            cards = recordReview(cards, card.key, true, 'x', at);
          }
        }
        const first = dayOf(at, OFFSET);
        const exam = first + daysToExam;
        for (let day = first; day < exam; day++) {
          let clock = Math.max(at, startOfDay(day, OFFSET) + hour * HOUR);
          for (let guard = 0; guard < 50; guard++) {
            const next = nextDue(cards, now(clock), exam);
            if (!next) break;
            cards = recordReview(cards, next.card.key, true, 'y', clock);
            clock += 1000;
          }
          at = clock;
        }
        // Each card was reviewed in the days before the exam, inside its last week.
        for (const c of cards) {
          const last = dayOf(c.card.last_review ?? 0, OFFSET);
          expect(last).toBeGreaterThanOrEqual(Math.max(first, exam - EXAM_WINDOW_DAYS));
          expect(last).toBeLessThan(exam);
        }
      }),
      { numRuns: 60 },
    );
  });
});
