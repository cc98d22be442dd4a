// The exam track: questions in the style of written exams (China's 408 computer networks paper,
// GATE, end-of-chapter problems), asked in words with four choices, no diagram. Each is built from
// a generated scenario and graded by the engine, like every other question: the right choice is
// the one replay accepts. Pure and deterministic from the spec.
import {
  deriveQuestion,
  explainFinding,
  generateScenario,
  gradeAnswer,
  judgeAnswer,
  otherSide,
  parseSeed,
  replayRecords,
  seededRandom,
  segmentOf,
  seqDiff,
  seq,
  withoutCheckpoints,
  type Difficulty,
  type Finding,
  type Lang,
  type Question,
  type Random,
  type Segment,
  type SegmentAnswer,
  type Side,
  type StatePair,
  type Trace,
} from '../engine/index';
import { byteAnswer, byteQuestions, byteSkill, classifyByteMistake, classifyMistake, explainBytes, offerChoices, type ByteAsk, type ByteQuestion, type Misconception, type Skill } from '../quiz/index';

export const TRACK_STYLES = ['cumulative_ack', 'bytes_sent', 'bytes_span', 'bytes_resent', 'wave_states', 'time_wait', 'handshake_segment', 'lost_segment'] as const;
export type TrackStyle = (typeof TRACK_STYLES)[number];

/**
 * The byte counts exams ask (the quiz layer's byte questions, lib/quiz/byte-count): from the ISN
 * and the ack, from the SYN's seq to the FIN's, and what must be resent after a loss. Their
 * options are counts of bytes.
 */
const BYTE_STYLES = { bytes_sent: 'acked', bytes_span: 'span', bytes_resent: 'retransmit' } as const satisfies Partial<Record<TrackStyle, ByteAsk>>;
export const countsBytes = (style: TrackStyle): boolean => style in BYTE_STYLES;

export interface TrackSpec {
  style: TrackStyle;
  seed: number;
  difficulty: Difficulty;
}

/**
 * A choice: a number (an ack, a byte count), a pair of states, who waits and for how long, or a
 * segment (written as exams write it: SYN=1, ACK=1, seq=x, ack=y, the ACK bit beside the number).
 */
export type TrackOption = { number: number } | { states: StatePair } | { waits: Side; seconds: number } | { segment: SegmentAnswer };

export interface TrackItem {
  style: TrackStyle;
  spec: TrackSpec;
  /** The numbers the prompt quotes; the words are the app's, in each language. */
  params: Record<string, number | string>;
  /** A's data segments, for the cumulative-ACK question: the prompt lists them. */
  segments: Array<{ seq: number; len: number }>;
  options: TrackOption[];
  skill: Skill;
}

/**
 * A fact beside the engine's explanation: how long TIME_WAIT lasts, or what a loss does to the
 * receiver's ACKs (`from` is the first missing byte, `to` the next byte after all A sent).
 */
export type TrackNote = { key: 'two_msl'; msl: number; side: Side } | { key: 'loss'; step: LossStep; from: number; to: number };

/** What a loss question asks: B's duplicate ACK, the seq A resends, or B's ACK once the gap is filled. */
export type LossStep = 'dup_ack' | 'retransmit' | 'after';

export interface TrackGrade {
  correct: boolean;
  /** Index of the right option. */
  right: number;
  /** The engine's explanation (the rule, or what is wrong); empty for the 2MSL fact, see `note`. */
  explain: string;
  /** What the engine does not word as a field's rule (2MSL in seconds, why a loss is answered so): the app words it. */
  note: TrackNote | null;
  misconception: Misconception | null;
}

const SKILL_OF: Record<TrackStyle, Skill> = {
  cumulative_ack: 'ack_of_data',
  bytes_sent: byteSkill(BYTE_STYLES.bytes_sent),
  bytes_span: byteSkill(BYTE_STYLES.bytes_span),
  bytes_resent: byteSkill(BYTE_STYLES.bytes_resent),
  wave_states: 'teardown_states',
  time_wait: 'time_wait',
  handshake_segment: 'handshake_flags',
  lost_segment: 'retransmission',
};

/** The skill an exam-track style practises (a review card of that style is labelled by it). Pure. */
export const trackStyleSkill = (style: TrackStyle): Skill => SKILL_OF[style];

const MOD = 0x1_0000_0000;
const wrap = (n: number) => ((n % MOD) + MOD) % MOD;

export function encodeTrackSpec(s: TrackSpec): string {
  return `track.${s.style}.${s.seed}.${s.difficulty === 'beginner' ? 'b' : 'e'}`;
}

/** Parses a track spec from untrusted text; null when it is not one. */
export function decodeTrackSpec(text: string): TrackSpec | null {
  const [head, style, seedText, level, ...rest] = text.split('.');
  if (head !== 'track' || rest.length > 0 || !style || !seedText || !level) return null;
  if (!(TRACK_STYLES as readonly string[]).includes(style)) return null;
  const seed = parseSeed(seedText);
  if (seed === null || (level !== 'b' && level !== 'e')) return null;
  return { style: style as TrackStyle, seed, difficulty: level === 'b' ? 'beginner' : 'expert' };
}

/** The data-transfer scenario's one cumulative ACK: B's first empty segment after A's data. */
interface CumulativeAck {
  trace: Trace;
  question: Question;
  isnA: number;
  data: Array<{ seq: number; len: number }>;
}

function cumulativeAck(spec: TrackSpec): CumulativeAck {
  const trace = withoutCheckpoints(generateScenario('data_transfer', { seed: spec.seed, difficulty: spec.difficulty }));
  const data: Array<{ seq: number; len: number }> = [];
  let isnA = 0;
  for (const [i, e] of trace.events.entries()) {
    const s = segmentOf(e);
    if (!s) continue;
    if (s.from === 'A' && s.flags.includes('SYN')) isnA = s.seq;
    if (s.from === 'A' && s.len > 0) data.push({ seq: s.seq, len: s.len });
    if (s.from === 'B' && s.len === 0 && !s.flags.includes('SYN') && data.length > 0) {
      return { trace, question: deriveQuestion(trace, i, 'ack'), isnA, data };
    }
  }
  throw new Error('data_transfer has no cumulative ACK');
}

/** The client/server teardown, the side that closes first, and the four teardown segments' events. */
function teardown(spec: TrackSpec, rng: Random): { trace: Trace; closer: Side; waves: number[] } {
  const family = rng.chance(0.5) ? 'client_closes_first' : 'server_closes_first';
  const trace = withoutCheckpoints(generateScenario(family, { seed: spec.seed, difficulty: spec.difficulty }));
  const first = trace.events.findIndex((e) => segmentOf(e)?.flags.includes('FIN'));
  const waves = trace.events.flatMap((e, i) => (i >= first && segmentOf(e) ? [i] : []));
  return { trace, closer: (segmentOf(trace.events[first]) as { from: Side }).from, waves };
}

function gradeNumber(q: Question, answer: number, lang: Lang) {
  return gradeAnswer(q, wrap(answer), lang);
}

/** Right or wrong only, with no explanation to word: for building options and finding the right one. */
function judgeNumber(q: Question, answer: number) {
  return judgeAnswer(q, wrap(answer));
}

type Built = { item: TrackItem; grade: (option: number, lang: Lang) => TrackGrade };

function misconceptionOf(trace: Trace, sender: Side | null, finding: Finding | null): Misconception | null {
  return finding ? classifyMistake(trace, sender, finding) : null;
}

function buildCumulativeAck(spec: TrackSpec, rng: Random): Built {
  const c = cumulativeAck(spec);
  const right = judgeNumber(c.question, 0).canonical as number;
  const last = c.data[c.data.length - 1] as { seq: number; len: number };
  const candidates = [last.seq, wrap(right - 1), wrap(right + 1), wrap(last.seq + 1), seqDiff(seq(c.isnA), seq(right))].map((n) => ({ number: n }));
  const options = offerChoices(rng, { number: right }, candidates, (o) => !gradeNumber(c.question, (o as { number: number }).number, 'en').correct);
  const item: TrackItem = { style: spec.style, spec, params: { count: c.data.length }, segments: c.data, options, skill: SKILL_OF[spec.style] };
  return {
    item,
    grade: (option, lang) => {
      const chosen = options[option] as { number: number };
      const g = gradeNumber(c.question, chosen.number, lang);
      const rightIndex = options.findIndex((o) => judgeNumber(c.question, (o as { number: number }).number).correct);
      return { correct: g.correct, right: rightIndex, explain: g.explain, note: null, misconception: misconceptionOf(c.trace, 'B', g.finding) };
    },
  };
}

/**
 * A byte count asked with four counts to choose from: the right one (the quiz layer's byteAnswer,
 * the engine's modular arithmetic) and the slips a learner makes, each named by the quiz layer's
 * misconception of a wrong count; the explanation works the count out with its numbers.
 */
function byteChoice(spec: TrackSpec, rng: Random, q: ByteQuestion, params: TrackItem['params'], slips: number[]): Built {
  const right = byteAnswer(q);
  const options = offerChoices(rng, { number: right }, slips.filter((n) => n >= 0).map((n) => ({ number: n })), (o) => o.number !== right);
  const rightIndex = options.findIndex((o) => o.number === right);
  const item: TrackItem = { style: spec.style, spec, params, segments: [], options, skill: SKILL_OF[spec.style] };
  return {
    item,
    grade: (option, lang) => {
      const chosen = (options[option] as { number: number }).number;
      const correct = chosen === right;
      return { correct, right: rightIndex, explain: explainBytes(q, lang), note: null, misconception: correct ? null : classifyByteMistake(q, chosen) };
    },
  };
}

/** "A's SYN had seq = ISN; B acknowledges all of A's data with ack = N": ack − ISN − 1 bytes (the SYN takes one number). */
function buildBytesSent(spec: TrackSpec, rng: Random): Built {
  const c = cumulativeAck(spec);
  const ack = judgeNumber(c.question, 0).canonical as number;
  const q: ByteQuestion = { ask: BYTE_STYLES.bytes_sent, side: 'A', from: c.isnA, to: ack };
  const n = byteAnswer(q);
  const first = c.data[0] as { seq: number; len: number };
  return byteChoice(spec, rng, q, { isn: c.isnA, ack }, [n + 1, n - 1, n + 2, n - first.len]);
}

/** The byte question of `ask` a scenario of `family` asks about `side`'s data (or about either side's). */
function byteQuestionOf(spec: TrackSpec, family: 'data_transfer' | 'client_closes_first' | 'server_closes_first' | 'lost_data', ask: ByteAsk, rng: Random) {
  const trace = withoutCheckpoints(generateScenario(family, { seed: spec.seed, difficulty: spec.difficulty }));
  const asked = byteQuestions(trace).filter((b) => b.question.ask === ask);
  if (asked.length === 0) throw new Error(`${family} asks no ${ask} byte count`);
  return { trace, ...rng.pick(asked) };
}

/** "A's SYN had seq = X and its FIN seq = Y": Y − X − 1 bytes; the slips count the SYN, the FIN or both as data. */
function buildBytesSpan(spec: TrackSpec, rng: Random): Built {
  const family = rng.pick(['data_transfer', 'client_closes_first', 'server_closes_first'] as const);
  const { question: q } = byteQuestionOf(spec, family, BYTE_STYLES.bytes_span, rng);
  const n = byteAnswer(q);
  return byteChoice(spec, rng, q, { side: q.side, from: q.from, to: q.to }, [n + 1, n + 2, n - 1]);
}

/**
 * "A's segment at seq = X was lost; B holds the bytes from Y on": only the gap, Y − X bytes, is
 * resent; the slips resend everything from the gap to what A has sent so far, or are one off.
 */
function buildBytesResent(spec: TrackSpec, rng: Random): Built {
  const { trace, event, question: q } = byteQuestionOf(spec, 'lost_data', BYTE_STYLES.bytes_resent, rng);
  const n = byteAnswer(q);
  const sentSoFar = trace.events.slice(0, event).flatMap((e) => {
    const s = segmentOf(e);
    return s && s.from === q.side && s.len > 0 ? [seqDiff(seq(q.from), seq(wrap(s.seq + s.len)))] : [];
  });
  return byteChoice(spec, rng, q, { side: q.side, peer: otherSide(q.side), from: q.from, to: q.to }, [Math.max(...sentSoFar), n + 1, n - 1]);
}

function buildWaveStates(spec: TrackSpec, rng: Random): Built {
  const t = teardown(spec, rng);
  const records = replayRecords(t.trace);
  const wave = rng.int(1, t.waves.length);
  const event = t.waves[wave - 1] as number;
  const statesAfter = (i: number): StatePair => (records[i] as { states: StatePair }).states;
  const right = statesAfter(event);
  // Wrong answers a learner makes: the sides swapped, or the states one wave early or late.
  const nearest = t.waves.filter((i) => i !== event).sort((x, y) => Math.abs(x - event) - Math.abs(y - event));
  const candidates: TrackOption[] = [{ states: { A: right.B, B: right.A } }, ...nearest.map((i) => ({ states: statesAfter(i) }))];
  const questions = (['A', 'B'] as Side[]).map((side) => deriveQuestion(t.trace, event, 'state', side));
  const gradePair = (pair: StatePair, lang: Lang) => questions.map((q) => gradeAnswer(q, pair[q.side as Side], lang));
  const isRight = (o: TrackOption) => questions.every((q) => judgeAnswer(q, (o as { states: StatePair }).states[q.side as Side]).correct);
  const options = offerChoices(rng, { states: right }, candidates, (o) => !isRight(o));
  const item: TrackItem = { style: spec.style, spec, params: { wave, closer: t.closer }, segments: [], options, skill: SKILL_OF[spec.style] };
  return {
    item,
    grade: (option, lang) => {
      const grades = gradePair((options[option] as { states: StatePair }).states, lang);
      const wrong = grades.find((g) => !g.correct) ?? null;
      const rightIndex = options.findIndex(isRight);
      const explain = (wrong ?? grades[0])?.explain ?? '';
      return { correct: wrong === null, right: rightIndex, explain, note: null, misconception: misconceptionOf(t.trace, null, wrong?.finding ?? null) };
    },
  };
}

const MSL_SECONDS = [30, 60, 120] as const;

function buildTimeWait(spec: TrackSpec, rng: Random): Built {
  const t = teardown(spec, rng);
  const msl = rng.pick(MSL_SECONDS);
  // Who waits is read from the replay, not assumed: the side the engine puts in TIME_WAIT.
  const waits = (side: Side) => replayRecords(t.trace).some((r) => r.states[side] === 'TIME_WAIT');
  const waiter: Side = waits(t.closer) ? t.closer : otherSide(t.closer);
  const other = otherSide(waiter);
  const right: TrackOption = { waits: waiter, seconds: 2 * msl };
  const candidates: TrackOption[] = [
    { waits: other, seconds: 2 * msl },
    { waits: waiter, seconds: msl },
    { waits: other, seconds: msl },
    { waits: waiter, seconds: 4 * msl },
  ];
  const isRight = (o: TrackOption) => 'waits' in o && waits(o.waits) && o.seconds === 2 * msl;
  const options = offerChoices(rng, right, candidates, (o) => !isRight(o));
  const item: TrackItem = { style: spec.style, spec, params: { msl, closer: t.closer }, segments: [], options, skill: SKILL_OF[spec.style] };
  return {
    item,
    grade: (option) => {
      const chosen = options[option] as { waits: Side; seconds: number };
      const correct = isRight(chosen);
      const misconception: Misconception | null = correct ? null : 'who_enters_time_wait';
      return { correct, right: options.findIndex(isRight), explain: '', note: { key: 'two_msl', msl, side: waiter }, misconception };
    },
  };
}

/**
 * 408-style handshake question: A's SYN (and, for the third segment, B's SYN,ACK) given in exam
 * notation, which segment comes next? The distractors are the classic slips: the SYN's number not
 * counted, the ACK bit off while an ack number is written, the SYN bit dropped, the numbers swapped.
 * B's ISN is free, so an option that differs from the right one only in B's seq is right too and
 * is never offered as a wrong one (offerChoices asks the engine).
 */
function buildHandshakeSegment(spec: TrackSpec, rng: Random): Built {
  const trace = withoutCheckpoints(generateScenario('handshake', { seed: spec.seed, difficulty: spec.difficulty }));
  const segments = trace.events.flatMap((e, i) => {
    const s = segmentOf(e);
    return s ? [{ s, i }] : [];
  });
  const [syn, synAck, ack] = segments as [(typeof segments)[number], (typeof segments)[number], (typeof segments)[number]];
  const third = rng.chance(0.5);
  const asked = third ? ack : synAck;
  const question = deriveQuestion(trace, asked.i, 'segment');
  const right: SegmentAnswer = { flags: asked.s.flags, seq: asked.s.seq, ack: asked.s.ack, len: 0 };
  const candidates: TrackOption[] = (
    third
      ? [
          { ...right, ack: synAck.s.seq },
          { ...right, flags: ['SYN', 'ACK'], seq: syn.s.seq },
          { ...right, seq: right.ack, ack: right.seq },
          { ...right, flags: [], ack: right.ack },
          { ...right, seq: wrap(right.seq + 1) },
        ]
      : [
          { ...right, ack: syn.s.seq },
          { ...right, flags: ['SYN'] },
          { ...right, flags: ['ACK'] },
          { ...right, seq: wrap(syn.s.seq + 1), ack: syn.s.seq },
          { ...right, flags: [], seq: wrap(syn.s.seq + 1) },
        ]
  ).map((segment) => ({ segment }) as TrackOption);
  const isRight = (o: TrackOption) => judgeAnswer(question, (o as { segment: SegmentAnswer }).segment).correct;
  const options = offerChoices(rng, { segment: right }, candidates, (o) => !isRight(o));
  const params: TrackItem['params'] = third ? { step: 'third', isn: syn.s.seq, peerIsn: synAck.s.seq, peerAck: synAck.s.ack } : { step: 'second', isn: syn.s.seq };
  const item: TrackItem = { style: spec.style, spec, params, segments: [], options, skill: SKILL_OF[spec.style] };
  return {
    item,
    grade: (option, lang) => {
      const g = gradeAnswer(question, (options[option] as { segment: SegmentAnswer }).segment, lang);
      const rightIndex = options.findIndex(isRight);
      return { correct: g.correct, right: rightIndex, explain: g.explain, note: null, misconception: misconceptionOf(trace, asked.s.from, g.finding) };
    },
  };
}

/** The lost_data scenario read as an exam reads it: A's burst, the lost one, B's ACKs around the gap. */
interface Loss {
  trace: Trace;
  isnA: number;
  data: Array<{ seq: number; len: number }>;
  /** Index into `data` of the segment the network drops. */
  lost: number;
  /** Events of B's ACKs while the gap is open (each repeats the same ack). */
  duplicates: number[];
  /** The event where A sends the lost segment again. */
  resend: number;
  /** B's cumulative ACK once the retransmission arrives. */
  cumulative: number;
}

function loss(spec: TrackSpec): Loss {
  const trace = withoutCheckpoints(generateScenario('lost_data', { seed: spec.seed, difficulty: spec.difficulty }));
  const ids: string[] = [];
  const data: Array<{ seq: number; len: number }> = [];
  let isnA = 0;
  let lost = -1;
  let resend = -1;
  const duplicates: number[] = [];
  for (const [i, e] of trace.events.entries()) {
    if ('drop' in e) lost = ids.indexOf(e.drop);
    const s = segmentOf(e);
    if (!s) continue;
    if (s.from === 'A' && s.flags.includes('SYN')) isnA = s.seq;
    if (s.from === 'A' && s.len > 0 && lost < 0 && 'send' in e) {
      ids.push(e.id);
      data.push({ seq: s.seq, len: s.len });
    } else if (s.from === 'B' && lost >= 0 && resend < 0) duplicates.push(i);
    else if (s.from === 'A' && lost >= 0 && resend < 0) resend = i;
    else if (s.from === 'B' && resend >= 0) return { trace, isnA, data, lost, duplicates, resend, cumulative: i };
  }
  throw new Error('lost_data has no cumulative ACK after its retransmission');
}

/** The seq put in place of the retransmission's: replayed on through B's cumulative ACK, so only the segment that fills the gap is right. */
function withResendSeq(l: Loss, seqAnswer: number): Trace {
  const events = l.trace.events.slice(0, l.cumulative + 1);
  const e = events[l.resend] as { send: Segment; id: string };
  events[l.resend] = { send: { ...e.send, seq: wrap(seqAnswer) }, id: e.id };
  return { ...l.trace, events };
}

/**
 * Loss questions (408 and end-of-chapter style): one of A's segments is lost. Asked at one of
 * three moments: B's ACK when a later segment arrives (a duplicate: RCV.NXT cannot pass the
 * gap), the seq A resends given B's duplicate ACKs, or B's ACK when the resent segment fills the
 * gap (one cumulative ACK for everything held). The resent seq is judged by replaying on through
 * B's cumulative ACK: a retransmission anywhere in [SND.UNA, SND.NXT) is legal on its own, but only
 * the one that fills the gap lets B acknowledge all of it.
 */
function buildLostSegment(spec: TrackSpec, rng: Random): Built {
  const l = loss(spec);
  const step = rng.pick(['dup_ack', 'retransmit', 'after'] as const);
  const lostSeg = l.data[l.lost] as { seq: number; len: number };
  const last = l.data[l.data.length - 1] as { seq: number; len: number };
  const next = wrap(last.seq + last.len);
  const note: TrackNote = { key: 'loss', step, from: lostSeg.seq, to: next };
  // The retransmit question names no lost segment: B's duplicate ACKs are how A learns which.
  const params: TrackItem['params'] =
    step === 'retransmit'
      ? { step, count: l.data.length, dups: l.duplicates.length, dupAck: lostSeg.seq }
      : { step, count: l.data.length, lost: l.lost + 1, ...(step === 'dup_ack' ? { arrived: l.lost + 2 } : {}) };
  const base = { style: spec.style, spec, params, segments: l.data, skill: SKILL_OF[spec.style] };

  if (step === 'retransmit') {
    const findingsWith = (n: number) => replayRecords(withResendSeq(l, n));
    const judgeSeq = (n: number) => findingsWith(n).find((r) => r.finding)?.finding ?? null;
    const candidates = [...l.data.map((d) => d.seq), next, wrap(lostSeg.seq + 1), l.isnA].map((n) => ({ number: n }));
    const options = offerChoices(rng, { number: lostSeg.seq }, candidates, (o) => judgeSeq((o as { number: number }).number) !== null);
    const rightIndex = options.findIndex((o) => judgeSeq((o as { number: number }).number) === null);
    const question = deriveQuestion(l.trace, l.resend, 'seq');
    return {
      item: { ...base, options },
      grade: (option, lang) => {
        const n = (options[option] as { number: number }).number;
        const finding = judgeSeq(n);
        // A seq the sender may not use is the engine's to explain; a legal retransmission of other
        // bytes is wrong only because B's later ACK could not follow, which the loss note says.
        const atResend = findingsWith(n)[l.resend]?.finding ?? null;
        const explain = atResend ? explainFinding(atResend, lang) : finding ? '' : gradeAnswer(question, n, lang).explain;
        return { correct: finding === null, right: rightIndex, explain, note, misconception: finding ? 'retransmission_same_seq' : null };
      },
    };
  }

  const question = deriveQuestion(l.trace, step === 'dup_ack' ? (l.duplicates[0] as number) : l.cumulative, 'ack');
  const right = judgeNumber(question, 0).canonical as number;
  const after = l.data[l.lost + 1] as { seq: number; len: number };
  const candidates = (
    step === 'dup_ack'
      ? [after.seq + after.len, lostSeg.seq + lostSeg.len, after.seq, right + 1, next]
      : [lostSeg.seq + lostSeg.len, lostSeg.seq, right + 1, last.seq, right - 1]
  ).map((n) => ({ number: wrap(n) }));
  const options = offerChoices(rng, { number: right }, candidates, (o) => !judgeNumber(question, (o as { number: number }).number).correct);
  const rightIndex = options.findIndex((o) => judgeNumber(question, (o as { number: number }).number).correct);
  return {
    item: { ...base, options },
    grade: (option, lang) => {
      const g = gradeNumber(question, (options[option] as { number: number }).number, lang);
      return { correct: g.correct, right: rightIndex, explain: g.explain, note, misconception: misconceptionOf(l.trace, 'B', g.finding) };
    },
  };
}

const BUILDERS: Record<TrackStyle, (spec: TrackSpec, rng: Random) => Built> = {
  cumulative_ack: buildCumulativeAck,
  bytes_sent: buildBytesSent,
  bytes_span: buildBytesSpan,
  bytes_resent: buildBytesResent,
  wave_states: buildWaveStates,
  time_wait: buildTimeWait,
  handshake_segment: buildHandshakeSegment,
  lost_segment: buildLostSegment,
};

function build(spec: TrackSpec): Built {
  return BUILDERS[spec.style](spec, seededRandom(spec.seed ^ 0x2c1b3c6d));
}

/** The message key of an item's words: a style asked at more than one step words each step. Pure. */
export function trackPromptKey(item: TrackItem): string {
  return typeof item.params.step === 'string' ? `${item.style}.${item.params.step}` : item.style;
}

/** The exam-track question a spec names. Pure and deterministic. */
export function buildTrackItem(spec: TrackSpec): TrackItem {
  return build(spec).item;
}

/** Grades a choice (an option index) by the engine; throws RangeError for an option that does not exist. */
export function gradeTrackItem(spec: TrackSpec, option: number, lang: Lang): TrackGrade {
  const built = build(spec);
  if (!Number.isInteger(option) || option < 0 || option >= built.item.options.length) throw new RangeError(`no option ${option}`);
  return built.grade(option, lang);
}
