import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FAMILIES, segmentOf, STATES, type Answer, type Difficulty, type SegmentAnswer } from '@/lib/engine';
import {
  buildItem, lessonItem, decodeSet, decodeSpec, EMPTY_PROGRESS, encodeSet, gradeItem, latestAnswers, makePracticeSet, masteryBySkill, misconceptionCounts,
  progressTotals, QUESTION_KINDS, recordAttempt, tryNumbers, ResponseError, TOPICS, type ItemSpec, type QuestionKind,
} from '@/lib/quiz';

// A len question is open in general (data may ride on most segments): lessons ask it in context only.
// A byte count is no segment field: tests/quiz/byte-count.test.ts checks it against the trace's bytes.
const kind = fc.constantFrom(...QUESTION_KINDS.filter((k) => k !== 'len' && k !== 'bytes'));
const family = fc.constantFrom(...SCENARIO_FAMILIES);
const difficulty = fc.constantFrom<Difficulty>('beginner', 'expert');
const seed = fc.integer({ min: 0, max: 0xffff_ffff });

/**
 * Plausible wrong answers for an item, by kind. A new SYN's seq is free (any ISN is right); where
 * a SYN,ACK is repeated, RFC 9293 3.10.7.4 also lets the endpoint answer the duplicate SYN with a
 * plain ACK, so SYN is not toggled there; an aborting RST may carry ACK or not (RFC 9293 3.10.5).
 */
function wrongAnswers(k: QuestionKind, right: Answer, freeSeq: boolean, repeated: boolean, aborting: boolean): Answer[] {
  const wrap = (n: number) => (n + 0x1_0000_0000) % 0x1_0000_0000;
  switch (k) {
    case 'seq':
    case 'ack':
      return [wrap((right as number) + 1), wrap((right as number) - 1)];
    case 'state':
      return STATES.filter((s) => s !== right).slice(0, 3);
    case 'next_flags': {
      const f = right as string[];
      const ackToggled = f.includes('ACK') ? f.filter((x) => x !== 'ACK') : [...f, 'ACK'];
      const synToggled = f.includes('SYN') ? f.filter((x) => x !== 'SYN') : [...f, 'SYN'];
      if (aborting) return [synToggled] as Answer[];
      return (repeated ? [ackToggled] : [ackToggled, synToggled]) as Answer[];
    }
    default: {
      const s = right as SegmentAnswer;
      return freeSeq ? [{ ...s, ack: wrap(s.ack + 1) }] : [{ ...s, ack: wrap(s.ack + 1) }, { ...s, seq: wrap(s.seq + 1) }];
    }
  }
}

describe('quiz items', () => {
  it('for every kind, family and difficulty: the canonical answer is right, wrong answers are wrong with an explanation', () => {
    fc.assert(
      fc.property(kind, family, difficulty, seed, (k, f, d, s) => {
        const item = buildItem({ kind: k, family: f, seed: s, difficulty: d });
        if (k === 'spot_error') {
          const right = gradeItem(item, { event: item.event }, 'en');
          expect(right.correct).toBe(true);
          expect(right.explain.length).toBeGreaterThan(10);
          expect(gradeItem(item, { event: (item.event + 1) % item.trace.events.length }, 'zh').correct).toBe(false);
          return;
        }
        if (k === 'state_choice') {
          const pairs = item.kind === 'state_choice' ? item.options : [];
          expect(pairs.length).toBeGreaterThanOrEqual(3);
          expect(new Set(pairs.map((o) => JSON.stringify(o))).size).toBe(pairs.length);
          const grades = pairs.map((_, i) => gradeItem(item, { option: i }, 'zh'));
          expect(grades.filter((g) => g.correct)).toHaveLength(1);
          for (const g of grades.filter((x) => !x.correct)) {
            expect(g.finding?.field).toBe('state');
            expect(g.misconception).not.toBeNull();
          }
          return;
        }
        if (k === 'multiple_choice') {
          const options = item.kind === 'multiple_choice' ? item.options : [];
          expect(options.length).toBeGreaterThanOrEqual(3);
          expect(new Set(options.map((o) => JSON.stringify(o))).size).toBe(options.length);
          expect(options.every((o) => o.flags.length > 0)).toBe(true);
          const grades = options.map((_, i) => gradeItem(item, { option: i }, 'en'));
          expect(grades.filter((g) => g.correct)).toHaveLength(1);
          for (const g of grades.filter((x) => !x.correct)) expect(g.finding && g.explain.length > 10).toBeTruthy();
          return;
        }
        const probe = gradeItem(item, k === 'state' ? 'CLOSED' : k === 'next_flags' ? [] : k === 'segment' ? { flags: [], seq: 0, ack: 0, len: 0 } : 0, 'en');
        const right = probe.canonical as Answer;
        const ok = gradeItem(item, right, 'en');
        expect(ok.correct).toBe(true);
        expect(ok.misconception).toBeNull();
        const asked = segmentOf(item.trace.events[item.event]);
        // this incarnation's events: a connect or listen call starts a new one (time_wait_expiry)
        const opened = item.trace.events.slice(0, item.event).findLastIndex((e) => 'app' in e && (e.app.call === 'connect' || e.app.call === 'listen'));
        const repeated = asked !== null && item.trace.events.slice(Math.max(0, opened), item.event).some((e) => segmentOf(e)?.from === asked.from && segmentOf(e)?.seq === asked.seq && segmentOf(e)?.flags.includes('SYN') && asked.flags.includes('SYN'));
        // a data retransmission may start anywhere in [SND.UNA, SND.NXT): seq + 1 is legal there too
        const resent = asked !== null && asked.len > 0 && item.trace.events.slice(Math.max(0, opened), item.event).some((e) => segmentOf(e)?.from === asked.from && segmentOf(e)?.seq === asked.seq);
        const freeSeq = asked !== null && ((asked.flags.includes('SYN') && !repeated) || resent);
        const before = item.trace.events[item.event - 1];
        const aborting = before !== undefined && 'app' in before && before.app.call === 'abort';
        for (const w of wrongAnswers(k, right, freeSeq, repeated, aborting)) {
          const g = gradeItem(item, w, 'zh');
          expect(g.correct, `${JSON.stringify(w)} should be wrong`).toBe(false);
          expect(g.explain.length).toBeGreaterThan(5);
          expect(g.misconception).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('items are deterministic per spec and hide checkpoints from the learner', () => {
    const spec: ItemSpec = { kind: 'state', family: 'client_closes_first', seed: 5, difficulty: 'expert' };
    expect(buildItem(spec)).toEqual(buildItem(spec));
    expect(buildItem(spec).trace.events.some((e) => 'expect' in e)).toBe(false);
  });

  it('classifies the classic misconceptions', () => {
    const item = buildItem({ kind: 'ack', family: 'handshake', seed: 3, difficulty: 'beginner' });
    // the SYN,ACK or the final ACK: ack one short means the SYN was not counted
    const right = gradeItem(item, 0, 'en').canonical as number;
    expect(gradeItem(item, right - 1, 'en').misconception).toBe('syn_fin_consume_one');
    expect(gradeItem(item, 1, 'en').misconception).toBe('relative_vs_absolute');
    const state = buildItem({ kind: 'state', family: 'client_closes_first', seed: 11, difficulty: 'beginner' });
    const g = gradeItem(state, 'TIME_WAIT', 'en');
    // TIME_WAIT for the side that closes second is the classic mix-up; for any other state it is not
    if (!g.correct) expect(g.misconception).toBe(['LAST_ACK', 'CLOSE_WAIT', 'CLOSED'].includes(String(g.finding?.expected)) ? 'who_enters_time_wait' : 'state_transitions');
  });

  it('a state choice offers the sides swapped: the wrong side in TIME_WAIT', () => {
    const found = Array.from({ length: 40 }, (_, seed) => buildItem({ kind: 'state_choice', family: 'client_closes_first', seed, difficulty: 'beginner' }))
      .find((item) => item.kind === 'state_choice' && item.options.some((p) => p.B === 'TIME_WAIT'));
    if (found?.kind !== 'state_choice') throw new Error('no state choice offers B in TIME_WAIT');
    const swapped = found.options.findIndex((p) => p.B === 'TIME_WAIT');
    expect(gradeItem(found, { option: swapped }, 'en')).toMatchObject({ correct: false, misconception: 'who_enters_time_wait', skill: 'time_wait' });
  });

  it('rejects responses of the wrong shape', () => {
    const item = buildItem({ kind: 'ack', family: 'handshake', seed: 1, difficulty: 'beginner' });
    expect(() => gradeItem(item, 'ESTABLISHED', 'en')).toThrow(ResponseError);
    const mc = buildItem({ kind: 'multiple_choice', family: 'handshake', seed: 1, difficulty: 'beginner' });
    expect(() => gradeItem(mc, { option: 9 }, 'en')).toThrow(/no option 9/);
  });
});

describe('practice sets and share links', () => {
  it('a set round-trips through its link text and draws from every chosen topic', () => {
    fc.assert(fc.property(fc.subarray([...TOPICS], { minLength: 1 }), difficulty, fc.integer({ min: 1, max: 30 }), seed, (topics, d, count, s) => {
      const set = makePracticeSet({ topics, difficulty: d, count }, s);
      expect(set).toHaveLength(count);
      expect(decodeSet(encodeSet(set))).toEqual(set);
      expect(makePracticeSet({ topics, difficulty: d, count }, s)).toEqual(set);
    }), { numRuns: 25 });
  });

  it('link text from outside is validated', () => {
    expect(decodeSpec('ack.handshake.42.b')).toEqual({ kind: 'ack', family: 'handshake', seed: 42, difficulty: 'beginner' });
    for (const bad of ['', 'ack', 'hack.handshake.1.b', 'ack.nope.1.b', 'ack.handshake.-1.b', 'ack.handshake.99999999999.b', 'ack.handshake.1.x', 'ack.handshake.1.b.extra']) {
      expect(decodeSpec(bad)).toBeNull();
    }
    expect(decodeSet('ack.handshake.1.b~junk~seq.lost_fin.2.e')).toHaveLength(2);
  });
});

describe('progress', () => {
  it('mastery rises with right answers, falls with wrong ones, and counts misconceptions', () => {
    let p = EMPTY_PROGRESS;
    for (let i = 0; i < 5; i++) p = recordAttempt(p, { at: i, item: `x${i}`, kind: 'ack', skill: 'ack_of_syn', correct: true, misconception: null });
    const high = masteryBySkill(p).find((m) => m.skill === 'ack_of_syn');
    expect(high).toMatchObject({ questions: 5, attempts: 5, correct: 5 });
    expect(high!.mastery).toBeGreaterThan(0.8);
    p = recordAttempt(p, { at: 9, item: 'y', kind: 'ack', skill: 'ack_of_syn', correct: false, misconception: 'syn_fin_consume_one' });
    expect(masteryBySkill(p).find((m) => m.skill === 'ack_of_syn')!.mastery).toBeLessThan(high!.mastery);
    expect(masteryBySkill(p).find((m) => m.skill === 'time_wait')).toMatchObject({ questions: 0, attempts: 0, mastery: 0 });
    expect(misconceptionCounts(p)).toEqual([{ misconception: 'syn_fin_consume_one', count: 1 }]);
  });

  it('mastery is the stated smoothed estimate: 1 of 1 right is 67%, and it follows recent answers', () => {
    const answer = (p: typeof EMPTY_PROGRESS, correct: boolean, at: number) => recordAttempt(p, { at, item: `x${at}`, kind: 'ack', skill: 'ack_of_fin', correct, misconception: null });
    const of = (p: typeof EMPTY_PROGRESS) => masteryBySkill(p).find((m) => m.skill === 'ack_of_fin')!.mastery;
    expect(of(answer(EMPTY_PROGRESS, true, 0))).toBeCloseTo(2 / 3);
    expect(of(answer(EMPTY_PROGRESS, false, 0))).toBeCloseTo(1 / 3);
    // (right + 1) / (answers + 2), each older answer weighing 0.85 of the next newer one
    let p = EMPTY_PROGRESS;
    [true, true, false, false, false].forEach((c, i) => (p = answer(p, c, i)));
    const w = [0.85 ** 4, 0.85 ** 3, 0.85 ** 2, 0.85, 1];
    expect(of(p)).toBeCloseTo((w[0]! + w[1]! + 1) / (w.reduce((x, y) => x + y) + 2));
    // the same answers in the other order: recent rights count more
    let q = EMPTY_PROGRESS;
    [false, false, false, true, true].forEach((c, i) => (q = answer(q, c, i)));
    expect(of(q)).toBeGreaterThan(of(p));
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }), (answers) => {
      let r = EMPTY_PROGRESS;
      answers.forEach((c, i) => (r = answer(r, c, i)));
      const m = of(r);
      expect(m).toBeGreaterThan(0);
      expect(m).toBeLessThan(1);
      expect(of(answer(r, true, 99))).toBeGreaterThan(m);
      expect(of(answer(r, false, 99))).toBeLessThan(m);
    }));
  });

  it('a question answered again is a retry: counted once, at its latest answer, with its tries', () => {
    const answer = (p: typeof EMPTY_PROGRESS, item: string, correct: boolean, at: number) =>
      recordAttempt(p, { at, item, kind: 'ack', skill: 'ack_of_syn', correct, misconception: correct ? null : 'syn_fin_consume_one' });
    // A set of two, then "Practice the same questions again": the first is fixed, the second stays right.
    let p = answer(answer(EMPTY_PROGRESS, 'a', false, 1), 'b', true, 2);
    expect(progressTotals(p)).toEqual({ questions: 2, correct: 1, attempts: 2 });
    p = answer(answer(p, 'a', true, 3), 'b', true, 4);
    expect(progressTotals(p)).toEqual({ questions: 2, correct: 2, attempts: 4 });
    expect(masteryBySkill(p).find((m) => m.skill === 'ack_of_syn')).toMatchObject({ questions: 2, correct: 2, attempts: 4 });
    // Fixed at its latest answer, the misconception is no longer behind a mistake.
    expect(misconceptionCounts(p)).toEqual([]);
    expect(latestAnswers(p).map((a) => [a.item, a.correct, a.tries])).toEqual([['a', true, 2], ['b', true, 2]]);
    expect(tryNumbers(p)).toEqual([1, 1, 2, 2]);
    // Repeating a set answered the same way changes no figure but the number of answers.
    const again = answer(answer(p, 'a', true, 5), 'b', true, 6);
    expect(masteryBySkill(again).find((m) => m.skill === 'ack_of_syn')!.mastery).toBeCloseTo(masteryBySkill(p).find((m) => m.skill === 'ack_of_syn')!.mastery);
    expect(progressTotals(again)).toEqual({ questions: 2, correct: 2, attempts: 6 });
    // Wrong again at the retry: still one question, now counted wrong.
    const worse = answer(p, 'b', false, 7);
    expect(progressTotals(worse)).toEqual({ questions: 2, correct: 1, attempts: 5 });
    expect(misconceptionCounts(worse)).toEqual([{ misconception: 'syn_fin_consume_one', count: 1 }]);
    expect(masteryBySkill(worse).find((m) => m.skill === 'ack_of_syn')!.mastery).toBeLessThan(masteryBySkill(p).find((m) => m.skill === 'ack_of_syn')!.mastery);
  });

  it('keeps a bounded history', () => {
    let p = EMPTY_PROGRESS;
    for (let i = 0; i < 1100; i++) p = recordAttempt(p, { at: i, item: 'x', kind: 'seq', skill: 'seq_after_syn', correct: i % 2 === 0, misconception: null });
    expect(p.attempts).toHaveLength(1000);
    expect(p.attempts[0]?.at).toBe(100);
  });
});

describe('lesson quiz blocks', () => {
  it('a lesson names the event in its own trace, checkpoints included; the item hides them', () => {
    const trace = {
      endpoints: { A: { role: 'client' as const }, B: { role: 'server' as const } },
      events: [
        { from: 'A' as const, flags: ['SYN' as const], seq: 1000, ack: 0, len: 0 },
        { expect: { A: 'SYN_SENT' as const, B: 'SYN_RECEIVED' as const } },
        { from: 'B' as const, flags: ['SYN' as const, 'ACK' as const], seq: 5000, ack: 1001, len: 0 },
      ],
    };
    const item = lessonItem(trace, 2, 'ack');
    expect(item.trace.events).toHaveLength(2);
    expect(item).toMatchObject({ kind: 'ack', event: 1, shown: 1, spec: null });
    expect(gradeItem(item, 1001, 'en').correct).toBe(true);
    expect(gradeItem(item, 1000, 'en')).toMatchObject({ correct: false, misconception: 'syn_fin_consume_one', skill: 'ack_of_syn' });
    const state = lessonItem(trace, 2, 'state', 'A');
    expect(gradeItem(state, 'ESTABLISHED', 'zh').correct).toBe(true);
  });
});
