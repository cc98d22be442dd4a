import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Attempt } from '@/lib/quiz';
import { answerQuestion, completeExam, EMPTY_REVISION, finishExam, ingestAttempts, makeExam, mergeRevision, parseRevisionState, scoreExam, type RevisionState } from '@/lib/revision';

const attempt = fc.record({
  at: fc.integer({ min: 1, max: 1_000_000 }),
  item: fc.constantFrom('ack.handshake.1.b', 'seq.handshake.2.b', 'ack.client_closes_first.3.e', 'lesson:/en/learn/tcp-header#q', 'state.handshake.4.b'),
  kind: fc.constantFrom('ack' as const, 'seq' as const, 'state' as const),
  skill: fc.constantFrom('ack_of_syn' as const, 'seq_after_data' as const, 'time_wait' as const),
  correct: fc.boolean(),
  misconception: fc.constantFrom(null, 'syn_fin_consume_one' as const),
});
const device = fc.record({ attempts: fc.array(attempt, { maxLength: 12 }), date: fc.option(fc.constantFrom('2026-12-20', '2027-01-05'), { nil: null }), dateAt: fc.integer({ min: 0, max: 100 }) });

function stateOf(d: { attempts: Attempt[]; date: string | null; dateAt: number }): RevisionState {
  const sorted = [...d.attempts].sort((x, y) => x.at - y.at);
  return { ...ingestAttempts(EMPTY_REVISION, sorted), examDate: d.date, examDateSetAt: d.dateAt };
}

describe('merging two devices', () => {
  it('keeps every card and every mistake of both, and the newer exam date', () => {
    fc.assert(
      fc.property(device, device, (da, db) => {
        const a = stateOf(da);
        const b = stateOf(db);
        const m = mergeRevision(a, b);
        const keys = (s: RevisionState) => new Set(s.cards.map((c) => c.key));
        const refs = (s: RevisionState) => new Set(s.mistakes.map((x) => x.ref));
        expect(keys(m)).toEqual(new Set([...keys(a), ...keys(b)]));
        expect(refs(m)).toEqual(new Set([...refs(a), ...refs(b)]));
        expect(m.examDate).toBe(b.examDateSetAt > a.examDateSetAt ? b.examDate : a.examDate);
        expect(m.ingestedUpTo).toBe(Math.max(a.ingestedUpTo, b.ingestedUpTo));
        // Merging again changes nothing, and the result is a valid stored state.
        expect(mergeRevision(m, b)).toEqual(m);
        expect(mergeRevision(a, a)).toEqual(a);
        expect(parseRevisionState(JSON.stringify(m))).toEqual(m);
      }),
      { numRuns: 60 },
    );
  });

  it('an exam handed in on one device is no longer in progress on the other; answers given offline are kept', () => {
    const exam = makeExam({ count: 2, minutes: 5, topics: ['exam_track'], difficulty: 'beginner' }, 3, 1000);
    const offline = { ...EMPTY_REVISION, activeExam: answerQuestion(exam, 0, { option: 1 }, 2000) };
    const online = { ...EMPTY_REVISION, activeExam: exam };
    expect(mergeRevision(online, offline).activeExam?.answers[0]).toEqual({ response: { option: 1 }, at: 2000 });
    const done = finishExam(offline.activeExam, 3000);
    const handedIn = completeExam(offline, done, scoreExam(done, 'en'));
    const m = mergeRevision(online, handedIn);
    expect(m.activeExam).toBeNull();
    expect(m.exams.map((e) => e.id)).toEqual([exam.id]);
  });
});
