// The Moodle XML export: plain-language events, flags accepted in any order, a whole segment as
// gaps graded apart, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { moodleXml } from '@/lib/classroom/export';
import { attemptSpecs } from '@/lib/classroom/specs';
import { assignmentConfigSchema } from '@/lib/classroom/config';
import { buildItem, type QuestionKind } from '@/lib/quiz';
import { canonicalAnswer, type SegmentAnswer } from '@/lib/engine';

const specsOf = (kind: QuestionKind, seed = 7) =>
  attemptSpecs(
    assignmentConfigSchema.parse({ topics: ['handshake', 'teardown'], kinds: [kind], count: 4, difficulty: 'beginner', variant: 'same', attempts: 1, timeLimit: null, feedback: 'after_submit' }),
    seed,
    'moodle',
    1,
  );

describe('Moodle XML', () => {
  it('writes every event as a plain line, never as trace JSON', () => {
    for (const kind of ['seq', 'state', 'multiple_choice', 'spot_error'] as const) {
      const xml = moodleXml('T', specsOf(kind));
      expect(xml).not.toMatch(/\{"(app|deliver|send|drop|timeout|from)"/);
      expect(xml).toMatch(/\d+\. (A|B) (→|calls)/);
    }
  });

  it('a whole segment is a cloze: flags in any order, seq, ack and len as numbers', () => {
    const specs = specsOf('segment');
    const xml = moodleXml('T', specs);
    const clozes = xml.split('<question type="cloze">').slice(1);
    expect(clozes).toHaveLength(specs.length);
    for (const [i, spec] of specs.entries()) {
      const item = buildItem(spec);
      if (item.kind !== 'segment') throw new Error('not a segment item');
      const answer = canonicalAnswer(item.question) as SegmentAnswer;
      const q = clozes[i]!;
      expect(q).toContain(`seq={1:NUMERICAL:=${answer.seq}:0}`);
      expect(q).toContain(`ack={1:NUMERICAL:=${answer.ack}:0}`);
      expect(q).toContain(`len={1:NUMERICAL:=${answer.len}:0}`);
      if (answer.flags.length === 2) {
        const [a, b] = answer.flags;
        expect(q).toContain(`=${a},${b}`);
        expect(q).toContain(`=${b},${a}`);
      }
    }
  });

  it('a flags question accepts every order; a seq question names the flags of the segment', () => {
    const flags = moodleXml('T', specsOf('next_flags'));
    for (const block of flags.split('<question type="shortanswer">').slice(1)) {
      const answers = [...block.matchAll(/<answer fraction="100"><text>([^<]+)<\/text>/g)].map((m) => m[1]!);
      const sets = new Set(answers.map((a) => a.split(',').sort().join(',')));
      expect(sets.size).toBe(1);
      const n = answers[0]!.split(',').length;
      expect(answers).toHaveLength(n === 3 ? 6 : n === 2 ? 2 : 1);
    }
    expect(moodleXml('T', specsOf('seq'))).toMatch(/sends (SYN|ACK|FIN|RST|PSH)[A-Z,]* next\. What is its sequence number\?/);
  });

  it('speaks Chinese when asked', () => {
    const xml = moodleXml('作业', specsOf('seq'), 'zh');
    expect(xml).toContain('它的序号是多少？');
    expect(xml).not.toContain('What is');
  });
});
