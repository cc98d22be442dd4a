// A question's skill is the rule of the moment asked, and a wrong answer's skill the rule it broke,
// never the scenario's name (issue 9 and the user trial).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayRecords, SCENARIO_FAMILIES, segmentOf, type Difficulty, type SegmentAnswer } from '@/lib/engine';
import { buildItem, gradeItem, skillOf, type QuizItem } from '@/lib/quiz';
import { SKILL_SECTIONS } from '@/lib/revision';

/** The first item of this spec shape (over seeds) that `pick` accepts. */
function find(kind: QuizItem['kind'], family: Parameters<typeof buildItem>[0]['family'], pick: (item: QuizItem) => boolean): QuizItem {
  for (let seed = 0; seed < 400; seed++) {
    const item = buildItem({ kind, family, seed, difficulty: 'beginner' });
    if (pick(item)) return item;
  }
  throw new Error(`no ${kind} item of ${family} fits`);
}

const asked = (item: QuizItem) => segmentOf(item.trace.events[item.event]);

describe('skills', () => {
  it('a whole segment wrong only in seq is a seq mistake; wrong only in ack an ack mistake', () => {
    const item = find('segment', 'handshake', (i) => asked(i)?.flags.join() === 'ACK');
    const right = gradeItem(item, { flags: [], seq: 0, ack: 0, len: 0 }, 'en').canonical as SegmentAnswer;
    expect(skillOf(item)).toBe('ack_of_syn');
    expect(gradeItem(item, { ...right, seq: right.seq + 1 }, 'en')).toMatchObject({ correct: false, skill: 'seq_after_syn' });
    expect(gradeItem(item, { ...right, ack: right.ack + 1 }, 'en')).toMatchObject({ correct: false, skill: 'ack_of_syn' });
    // wrong in two fields: the question's own skill
    expect(gradeItem(item, { ...right, seq: right.seq + 1, ack: right.ack + 1 }, 'en').skill).toBe('ack_of_syn');
    expect(gradeItem(item, right, 'en').skill).toBe('ack_of_syn');
  });

  it('a byte count is the rule it applies: an ack acknowledges bytes, the SYN takes a number, a retransmission repeats only the gap', () => {
    const ask = (a: string) => (i: QuizItem) => i.kind === 'bytes' && i.question.ask === a;
    expect(skillOf(find('bytes', 'data_transfer', ask('acked')))).toBe('ack_of_data');
    expect(skillOf(find('bytes', 'data_transfer', ask('span')))).toBe('seq_after_syn');
    expect(skillOf(find('bytes', 'lost_data', ask('retransmit')))).toBe('retransmission');
    const acked = find('bytes', 'data_transfer', ask('acked'));
    expect(gradeItem(acked, 0, 'en')).toMatchObject({ correct: false, skill: 'ack_of_data' });
  });

  it('spotting an error is the rule the planted mistake breaks, and its lesson section is that rule\'s', () => {
    const planted = (i: QuizItem) => replayRecords(i.trace)[i.event]?.finding?.code;
    const seqAfterSyn = find('spot_error', 'handshake', (i) => planted(i) === 'SEQ_AFTER_SYN');
    expect(skillOf(seqAfterSyn)).toBe('seq_after_syn');
    expect(gradeItem(seqAfterSyn, { event: 0 }, 'en')).toMatchObject({ correct: false, skill: 'seq_after_syn' });
    expect(SKILL_SECTIONS[skillOf(seqAfterSyn)]).toEqual({ slug: 'tcp-header', section: 'why-syn-and-fin-consume-a-number' });
    // A mistake whose rule is no skill of its own (the ACK flag left off) stays a spotting skill.
    expect(skillOf(find('spot_error', 'data_transfer', (i) => planted(i) === 'ACK_FLAG_REQUIRED'))).toBe('spot_the_error');
  });

  it('"which state after connect()" is a handshake state in an abort or refused scenario', () => {
    for (const family of ['abort', 'refused'] as const) {
      const item = find('state', family, (i) => i.event === 0);
      expect(skillOf(item)).toBe('handshake_states');
    }
    const reset = find('state', 'refused', (i) => asked(i)?.flags.includes('RST') === true);
    expect(skillOf(reset)).toBe('reset');
  });

  it('a plain SYN of a simultaneous open is a handshake flag; its SYN,ACK is the simultaneous-open rule', () => {
    const syn = find('next_flags', 'simultaneous_open', (i) => asked(i)?.flags.join() === 'SYN');
    expect(skillOf(syn)).toBe('handshake_flags');
    const synAck = find('next_flags', 'simultaneous_open', (i) => asked(i)?.flags.includes('ACK') === true && asked(i)?.flags.includes('SYN') === true);
    expect(skillOf(synAck)).toBe('simultaneous');
  });
});

describe('prompts', () => {
  it('a seq question about a FIN without data names the FIN, not "new bytes"', async () => {
    const { promptParts } = await import('@/lib/quiz');
    const fin = find('seq', 'client_closes_first', (i) => asked(i)?.flags.includes('FIN') === true && asked(i)?.len === 0 && promptParts(i).key !== 'seq');
    expect(promptParts(fin).key).toBe('seq_fin');
    const data = find('seq', 'data_transfer', (i) => (asked(i)?.len ?? 0) > 0 && promptParts(i).key !== 'seq');
    expect(promptParts(data).key).toBe('seq_new');
  });
});

describe('a whole segment that closes', () => {
  it('is a teardown question: a multiple-choice or written FIN,ACK is filed under teardown flags, not acknowledging a SYN (every family, level)', () => {
    fc.assert(
      fc.property(fc.constantFrom('multiple_choice' as const, 'segment' as const), fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), (kind, family, difficulty, seed) => {
        let item: QuizItem;
        try {
          item = buildItem({ kind, family, seed, difficulty });
        } catch {
          return;
        }
        const asked = segmentOf(item.trace.events[item.event]);
        if (asked?.flags.includes('FIN') && !asked.flags.includes('RST')) expect(skillOf(item)).toBe('teardown_flags');
      }),
      { numRuns: 200 },
    );
  });
});
