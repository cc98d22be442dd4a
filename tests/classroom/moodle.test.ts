// The Moodle XML export, read back with a real XML parser and checked against Moodle's question
// format per type: multichoice (one right answer of fraction 100), numerical (tolerance 0),
// shortanswer (case-insensitive, every spelling the engine would take), cloze (a gap per graded
// field); named as an instructor reads them; plain-language events; English and Chinese.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { moodleXml } from '@/lib/classroom/export';
import { attemptSpecs } from '@/lib/classroom/specs';
import { assignmentConfigSchema } from '@/lib/classroom/config';
import { buildItem, checkAnswer, rightResponse, type QuestionKind, type QuizItem, type Topic } from '@/lib/quiz';
import { canonicalAnswer, FLAGS, segmentOf, type Flag, type SegmentAnswer } from '@/lib/engine';

interface Answer {
  '@_fraction': string;
  text: string | number;
  tolerance?: number;
  feedback?: { text: string };
}
interface MoodleQuestion {
  '@_type': string;
  name?: { text: string };
  questiontext?: { '@_format': string; text: string };
  generalfeedback?: { '@_format': string; text: string };
  defaultgrade?: number;
  single?: string | boolean;
  usecase?: number;
  answer?: Answer[];
  category?: { text: string };
}

const specsOf = (kinds: QuestionKind[], seed = 7, topics: Topic[] = ['handshake', 'teardown'], count = 4) =>
  attemptSpecs(
    assignmentConfigSchema.parse({ topics, kinds, count, difficulty: 'beginner', variant: 'same', attempts: 1, timeLimit: null, feedback: 'after_submit' }),
    seed,
    'moodle',
    1,
  );

/** The export parsed as Moodle would read it: a valid document, a category, then the questions. */
function parse(xml: string): MoodleQuestion[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'question' || name === 'answer', parseTagValue: false }).parse(xml) as { quiz: { question: MoodleQuestion[] } };
  const [category, ...questions] = doc.quiz.question;
  expect(category?.['@_type']).toBe('category');
  for (const q of questions) {
    expect(q.name?.text).toBeTruthy();
    expect(q.questiontext?.['@_format']).toBe('html');
    expect(String(q.defaultgrade)).toBe('1');
  }
  return questions;
}

const right = (q: MoodleQuestion) => (q.answer ?? []).filter((a) => a['@_fraction'] === '100');

/** A typed flags answer as a learner might write it, read as the engine's flags. */
function typedFlags(text: string): Flag[] | null {
  const words = text.split(/[\s,]+/).filter(Boolean).map((x) => x.toUpperCase());
  return words.every((x) => (FLAGS as readonly string[]).includes(x)) ? (words as Flag[]) : null;
}

describe('Moodle XML', () => {
  it('names each question by number, topic and kind, as an instructor reads them', () => {
    const specs = specsOf(['seq', 'state'], 3, ['teardown']);
    const names = parse(moodleXml('T', specs, 'en', ['teardown'])).map((q) => q.name!.text);
    expect(names).toEqual(specs.map((s, i) => `Q${i + 1} · Teardown · ${s.kind === 'seq' ? 'Sequence number' : 'State'}`));
    expect(parse(moodleXml('作业', specs, 'zh', ['teardown']))[0]!.name!.text).toMatch(/^Q1 · 四次挥手 · (序号|状态)$/);
  });

  /** A FIN sent, or a call that ends the connection: the teardown has begun. */
  const closes = (e: object) => {
    const segment = 'send' in e ? (e as { send: object }).send : e;
    if ('flags' in segment && (segment.flags as string[]).includes('FIN')) return true;
    return 'app' in e && ['close', 'shutdown', 'abort'].includes((e as { app: { call: string } }).app.call);
  };

  it('names the topic by the moment asked, not the scenario: a teardown scenario asked about its handshake is Handshake', () => {
    const topics: Topic[] = ['handshake', 'teardown', 'states'];
    let seen = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const specs = specsOf(['state', 'seq', 'ack'], seed, topics, 6);
      for (const [i, q] of parse(moodleXml('T', specs, 'en', topics)).entries()) {
        const item = buildItem(specs[i]!);
        const topic = q.name!.text.split(' · ')[1];
        const asksHandshake = item.trace.events.slice(0, item.event + 1).every((e) => !closes(e));
        if (asksHandshake && (specs[i]!.family as string).includes('close')) seen++;
        // No question whose context and asked segment carry no FIN is called a teardown one.
        if (asksHandshake) expect(topic, `${q.name!.text} (${specs[i]!.family})`).not.toBe('Teardown');
      }
    }
    expect(seen, 'teardown scenarios asked about their handshake').toBeGreaterThan(0);
  });

  it('writes every event as a plain line, never as trace JSON', () => {
    for (const kind of ['seq', 'state', 'multiple_choice', 'spot_error'] as const) {
      for (const q of parse(moodleXml('T', specsOf([kind])))) {
        expect(q.questiontext!.text).not.toMatch(/\{"(app|deliver|send|drop|timeout|from)"/);
        expect(q.questiontext!.text).toMatch(/\d+\. (A|B) (→|calls)/);
      }
    }
  });

  it('spot the error offers the segments only, numbered as in the trace, the planted one right', () => {
    const specs = specsOf(['spot_error'], 11, ['handshake', 'teardown'], 6);
    const questions = parse(moodleXml('T', specs));
    expect(questions).toHaveLength(specs.length);
    for (const [i, q] of questions.entries()) {
      const item = buildItem(specs[i]!) as QuizItem & { kind: 'spot_error' };
      expect(q['@_type']).toBe('multichoice');
      expect(String(q.single)).toBe('true');
      const segments = item.trace.events.flatMap((e, n) => (segmentOf(e) ? [n + 1] : []));
      const options = q.answer!.map((a) => String(a.text));
      expect(options.map((o) => Number(o.split('.')[0]))).toEqual(segments);
      for (const o of options) expect(o).toMatch(/^\d+\. [A-Z, ()a-z]+ seq=\d+ ack=\d+ len=\d+$/);
      expect(right(q).map((a) => String(a.text))).toEqual([options[segments.indexOf(item.event + 1)]]);
    }
  });

  it('a choice question has exactly one right answer, the engine\'s', () => {
    const specs = specsOf(['multiple_choice', 'state_choice'], 5, ['handshake', 'teardown'], 6);
    for (const [i, q] of parse(moodleXml('T', specs)).entries()) {
      const item = buildItem(specs[i]!);
      expect(q['@_type']).toBe('multichoice');
      expect(right(q)).toHaveLength(1);
      const picked = q.answer!.indexOf(right(q)[0]!);
      expect(checkAnswer(item, { option: picked }).correct).toBe(true);
    }
  });

  it('a number is numerical with tolerance 0, the engine\'s answer', () => {
    const specs = specsOf(['seq', 'ack'], 9);
    for (const [i, q] of parse(moodleXml('T', specs)).entries()) {
      const item = buildItem(specs[i]!);
      if (item.kind !== 'seq' && item.kind !== 'ack') throw new Error('not a number item');
      expect(q['@_type']).toBe('numerical');
      expect(right(q)).toHaveLength(1);
      expect(String(right(q)[0]!.tolerance)).toBe('0');
      expect(Number(right(q)[0]!.text)).toBe(canonicalAnswer(item.question));
    }
  });

  it('a flags question is a case-insensitive short answer taking every order and spacing, and nothing else', () => {
    let pairs = 0;
    for (const seed of [1, 2, 3, 4]) {
      const specs = specsOf(['next_flags'], seed);
      for (const [i, q] of parse(moodleXml('T', specs)).entries()) {
        const item = buildItem(specs[i]!);
        const flags = canonicalAnswer((item as QuizItem & { kind: 'next_flags' }).question) as Flag[];
        expect(q['@_type']).toBe('shortanswer');
        expect(String(q.usecase)).toBe('0');
        const answers = right(q).map((a) => String(a.text));
        for (const a of answers) expect(checkAnswer(item, typedFlags(a) ?? []).correct).toBe(true);
        if (flags.length === 2) {
          pairs++;
          const [x, y] = flags;
          expect(answers).toEqual(expect.arrayContaining([`${x},${y}`, `${y},${x}`, `${x}, ${y}`, `${y}, ${x}`, `${x} ${y}`, `${y} ${x}`]));
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('a whole segment is a cloze: flags in any order, each number a gap, a free ISN said instead of asked', () => {
    let freeIsn = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const specs = specsOf(['segment'], seed);
      for (const [i, q] of parse(moodleXml('T', specs)).entries()) {
        const item = buildItem(specs[i]!);
        if (item.kind !== 'segment') throw new Error('not a segment item');
        const answer = canonicalAnswer(item.question) as SegmentAnswer;
        expect(q['@_type']).toBe('cloze');
        const text = q.questiontext!.text;
        expect(text).toContain(`len={1:NUMERICAL:=${answer.len}:0}`);
        const anyIsn = checkAnswer(item, { ...answer, seq: answer.seq + 1 }).correct;
        if (anyIsn) {
          freeIsn++;
          expect(text).toContain('seq=any ISN');
          expect(text).not.toMatch(/seq=\{1:NUMERICAL/);
        } else expect(text).toContain(`seq={1:NUMERICAL:=${answer.seq}:0}`);
        expect(text).toContain(`ack={1:NUMERICAL:=${answer.ack}:0}`);
        const gap = /flags \{1:SHORTANSWER:([^}]*)\}/.exec(text)![1]!;
        for (const spelling of gap.split('~').map((x) => x.replace(/^=/, ''))) {
          expect(checkAnswer(item, { ...answer, flags: typedFlags(spelling) ?? [] }).correct).toBe(true);
        }
      }
    }
    expect(freeIsn).toBeGreaterThan(0);
  });

  it('carries the engine\'s explanation: of the right answer to all, of each choice on the choice', () => {
    const kinds: QuestionKind[] = ['ack', 'seq', 'state', 'next_flags', 'segment', 'multiple_choice', 'state_choice', 'spot_error', 'bytes'];
    const specs = specsOf(kinds, 5, ['handshake', 'teardown'], 9);
    for (const [lang, words] of [['en', /[a-z]{3,}/], ['zh', /[\u4e00-\u9fff]/]] as const) {
      const questions = parse(moodleXml('T', specs, lang));
      for (const [i, q] of questions.entries()) {
        const item = buildItem(specs[i]!);
        expect(q.generalfeedback?.text, `${item.kind} in ${lang}`).toMatch(words);
        const key = rightResponse(item);
        if (typeof key === 'number') expect(q.generalfeedback!.text).toContain(String(key));
        if (item.kind === 'multiple_choice' || item.kind === 'state_choice') {
          for (const [n, a] of q.answer!.entries()) {
            const graded = checkAnswer(item, { option: n });
            expect(a.feedback?.text, `${item.kind} option ${n}`).toMatch(words);
            expect(a['@_fraction'] === '100').toBe(graded.correct);
          }
        }
      }
    }
  });

  it('speaks Chinese when asked', () => {
    const xml = moodleXml('作业', specsOf(['seq']), 'zh');
    expect(xml).toContain('它的序号是多少？');
    expect(xml).not.toContain('What is');
  });
});
