// A prompt tells the learner everything the answer turns on. "Which flags does A set next?" where
// the next segment carries data had one right answer more (PSH,ACK) than the same question with
// no data, and nothing said data was sent. The check: rebuild the asked segment from what the
// learner can know (the events shown before it, and what the prompt's words in content/ui say:
// its flags where the sentence has {flags}, its length where it has {len}, else none), and the
// engine must accept exactly the same answers as for the real segment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagsText, judgeAnswer, SCENARIO_FAMILIES, segmentOf, type Difficulty, type Flag, type Question, type Segment, type SegmentAnswer, type TraceEvent } from '@/lib/engine';
import { askedSegment, buildItem, promptParts, QUESTION_KINDS, type FieldItem, type QuizItem } from '@/lib/quiz';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';

const FLAGS: Flag[] = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'];
const FLAG_SETS: Flag[][] = Array.from({ length: 1 << FLAGS.length }, (_, m) => FLAGS.filter((_, i) => m & (1 << i)));

const tryBuild = (kind: 'next_flags' | 'segment', family: (typeof SCENARIO_FAMILIES)[number], seed: number, difficulty: Difficulty): QuizItem | null => {
  try {
    return buildItem({ kind, family, seed, difficulty });
  } catch {
    return null;
  }
};

/** The question with the asked segment as the learner can know it, and nothing after it. */
function asKnown(item: FieldItem, template: string): Question {
  const q = item.question;
  const real = segmentOf(q.trace.events[q.event]) as Segment;
  const { values } = promptParts(item);
  const known: Segment = { from: real.from, flags: template.includes('{flags}') ? real.flags : ['ACK'], seq: real.seq, ack: real.ack, len: template.includes('{len}') ? values.len : 0 };
  const event = q.trace.events[q.event] as TraceEvent;
  const replaced: TraceEvent = 'send' in event ? { ...event, send: known } : known;
  return { ...q, trace: { ...q.trace, events: [...q.trace.events.slice(0, q.event), replaced] } };
}

/** The answers the engine accepts among those a learner might give. */
function accepted(q: Question, item: FieldItem): string[] {
  const real = segmentOf(item.question.trace.events[item.question.event]) as Segment;
  if (q.field === 'flags') return FLAG_SETS.filter((f) => judgeAnswer(q, f).correct).map((f) => f.join(','));
  const canonical = judgeAnswer(item.question, { flags: real.flags, seq: real.seq, ack: real.ack, len: real.len }).canonical as SegmentAnswer;
  const out: string[] = [];
  for (const flags of FLAG_SETS)
    for (const seq of [canonical.seq, canonical.seq - 1, canonical.seq + 1, canonical.seq - real.len])
      for (const ack of [canonical.ack, canonical.ack + 1, 0]) {
        const answer = { flags, seq: seq >>> 0, ack: ack >>> 0, len: real.len };
        if (judgeAnswer(q, answer).correct) out.push(JSON.stringify(answer));
      }
  return out;
}

describe('next-flags and segment prompts say all the answer turns on', () => {
  for (const [lang, messages] of [['en', en], ['zh', zh]] as const)
    it(`${lang}: the shown events and the prompt give the same right answers as the real segment (fast-check over families, levels, seeds)`, () => {
      fc.assert(
        fc.property(fc.constantFrom('next_flags' as const, 'segment' as const), fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), (kind, family, difficulty, seed) => {
          const item = tryBuild(kind, family, seed, difficulty);
          if (!item || (item.kind !== 'next_flags' && item.kind !== 'segment')) return;
          const template = (messages.quiz.prompts as Record<string, string>)[promptParts(item).key] as string;
          expect(template, promptParts(item).key).toBeDefined();
          expect(accepted(asKnown(item, template), item), `${kind}.${family}.${seed}.${difficulty[0]}: "${template}"`).toEqual(accepted(item.question, item));
        }),
        { numRuns: 150 },
      );
    });

  it('the data case is told: a next segment with data says how many bytes', () => {
    const withData = Array.from({ length: 80 }, (_, seed) => tryBuild('next_flags', 'data_transfer', seed, 'beginner')).find((i): i is FieldItem => i?.kind === 'next_flags' && (segmentOf(i.trace.events[i.event])?.len ?? 0) > 0);
    expect(withData).toBeDefined();
    const { key, values } = promptParts(withData as FieldItem);
    expect(en.quiz.prompts[key as keyof typeof en.quiz.prompts]).toContain('{len}');
    expect(values.len).toBeGreaterThan(0);
  });
});

describe('a prompt states only what its sentence says', () => {
  // A class assignment sends the prompt's values to the student's browser before the answer: the
  // flags of a "which flags next?" question were there (FIN, ACK), and the length of a "how many
  // bytes?" one; and an assignment showed "its next new bytes (PSH, ACK, 0 bytes)" because the
  // page took the length from elsewhere.
  it('values the message does not use are empty, and those it uses are the asked segment\'s (every kind, family, level)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTION_KINDS), fc.constantFrom(...SCENARIO_FAMILIES), fc.constantFrom<Difficulty>('beginner', 'expert'), fc.nat(), (kind, family, difficulty, seed) => {
        let item: QuizItem;
        try {
          item = buildItem({ kind, family, seed, difficulty });
        } catch {
          return;
        }
        const { key, values } = promptParts(item);
        const template = (en.quiz.prompts as Record<string, string>)[key] as string;
        const asked = askedSegment(item);
        expect(values.flags, key).toBe(template.includes('{flags}') && asked ? flagsText(asked.flags) : '');
        expect(values.len, key).toBe(template.includes('{len}') && asked ? asked.len : 0);
        if (template.includes('{len}')) expect(values.len, key).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
