// Every practice kind on the families of loss, reordering and the old duplicate SYN: the item
// builds, its canonical answer is right, multiple choice has exactly one right option, and a
// spot-the-error trace breaks the rules at exactly the planted event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayRecords, type Difficulty } from '@/lib/engine';
import { buildItem, gradeItem, makePracticeSet, QUESTION_KINDS, questionKey, TOPIC_FAMILIES, TOPICS } from '@/lib/quiz';

const NEW_FAMILIES = ['lost_data', 'out_of_order', 'old_duplicate_syn'] as const;

describe('practice on loss, reordering and the old duplicate SYN', () => {
  it('practice offers them: loss and reordering to beginners too, figure 8 to experts', () => {
    expect(TOPIC_FAMILIES.edge_cases.beginner).toEqual(expect.arrayContaining(['lost_data', 'out_of_order']));
    expect(TOPIC_FAMILIES.edge_cases.expert).toEqual(expect.arrayContaining([...NEW_FAMILIES]));
    expect(TOPIC_FAMILIES.handshake.expert).toContain('old_duplicate_syn');
  });

  it('every kind, family, difficulty and seed gives a well-posed item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUESTION_KINDS.filter((k) => k !== 'len')),
        fc.constantFrom(...NEW_FAMILIES),
        fc.constantFrom<Difficulty>('beginner', 'expert'),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        (kind, family, difficulty, seed) => {
          const item = buildItem({ kind, family, seed, difficulty });
          if (kind === 'spot_error') {
            const wrong = replayRecords(item.trace).flatMap((r, i) => (r.finding ? [i] : []));
            expect(wrong).toEqual([item.event]);
            expect(gradeItem(item, { event: item.event }, 'zh').correct).toBe(true);
            return;
          }
          if (item.kind === 'multiple_choice' || item.kind === 'state_choice') {
            const grades = item.options.map((_, i) => gradeItem(item, { option: i }, 'en'));
            expect(grades.filter((g) => g.correct)).toHaveLength(1);
            for (const g of grades.filter((x) => !x.correct)) expect(g.misconception).not.toBeNull();
            return;
          }
          const probe = kind === 'state' ? 'CLOSED' : kind === 'next_flags' ? [] : kind === 'segment' ? { flags: [], seq: 0, ack: 0, len: 0 } : 0;
          const canonical = gradeItem(item, probe as never, 'en').canonical;
          expect(gradeItem(item, canonical as never, 'en')).toMatchObject({ correct: true, misconception: null });
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('practice sets ask each question once, and experts about what makes the scenario', () => {
  it('no two items of a set are the same question; expert state questions are never about connect() or listen()', () => {
    fc.assert(
      fc.property(fc.subarray([...TOPICS], { minLength: 1 }), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.integer({ min: 0, max: 0xffff_ffff }), (topics, difficulty, seed) => {
        const items = makePracticeSet({ topics, difficulty, count: 10 }, seed).map(buildItem);
        expect(new Set(items.map(questionKey)).size).toBe(items.length);
        if (difficulty === 'beginner') return;
        for (const item of items) {
          if (item.kind !== 'state' && item.kind !== 'state_choice') continue;
          const e = item.trace.events[item.event];
          expect(e !== undefined && 'app' in e && (e.app.call === 'connect' || e.app.call === 'listen')).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
