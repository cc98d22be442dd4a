// Questions and grading: any trace, an event index and a field make a question; an answer is
// graded by replaying the trace up to that event with the answer put in, so every answer a
// conforming TCP could give at that point is right. Never a compare against one stored value.
import { explainFinding, hintFinding, type Lang } from './explain/index';
import type { Finding } from './findings';
import { stateReason, stateRuleCode, unmovedStateHint } from './explain/reasons';
import { carriesNewBytes, finRetransmitSeqFinding, newBytesSeqFinding, retransmitSeqFinding, retransmitsFin, retransmitsFromUna, ruleOfSend } from './internal/send';
import { seq } from './seq';
import { toWire } from './internal/wire';
import { replayRecords, snapshotAfter } from './replay';
import type { ConnectionSnapshot } from './step';
import { FLAGS, STATES, type Flag, type Segment, type Side, type StateMove, type TcpState, type Trace, type TraceEvent } from './types';
import { canonicalFlags } from './segments';

export type QuestionField = 'flags' | 'seq' | 'ack' | 'len' | 'state' | 'segment';
/** A whole segment's header as a learner writes it: the sender is given by the question. */
export interface SegmentAnswer {
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
}
export type Answer = Flag[] | number | TcpState | SegmentAnswer;

export interface Question {
  trace: Trace;
  /** The event asked about: a segment for flags/seq/ack/len, any event for state. */
  event: number;
  field: QuestionField;
  /** Whose state, for a state question. */
  side?: Side;
}

export interface Grade {
  correct: boolean;
  /** The value the trace itself has there: a conforming answer, shown when revealing. */
  canonical: Answer;
  /** The rule behind the answer (correct) or the engine's explanation of the mistake, with its numbers (wrong). */
  explain: string;
  /** For a wrong answer: the rule to apply, without the numbers (a first try's feedback). */
  hint: string | null;
  finding: Finding | null;
  /** The rule the answer breaks, or the rule that makes it right (null for a right state: see stateRule). */
  rule: Finding | null;
}

export class QuestionError extends Error {
  override name = 'QuestionError';
}

function segmentAt(trace: Trace, index: number): Segment | null {
  const e = trace.events[index];
  if (!e) return null;
  if ('send' in e) return e.send;
  if ('from' in e) return e;
  return null;
}

/** The value the trace holds for the question's field. */
export function canonicalAnswer(q: Question): Answer {
  if (q.field === 'state') {
    const states = replayRecords({ ...q.trace, events: q.trace.events.slice(0, q.event + 1) })[q.event]?.states;
    if (!states || !q.side) throw new QuestionError('a state question needs a side and an event in the trace');
    return states[q.side];
  }
  const s = segmentAt(q.trace, q.event);
  if (!s) throw new QuestionError(`event ${q.event} is not a segment`);
  if (q.field === 'segment') return { flags: canonicalFlags(s.flags), seq: s.seq, ack: s.ack, len: s.len };
  return q.field === 'flags' ? canonicalFlags(s.flags) : s[q.field];
}

/**
 * Checks the question is well posed: the event exists, is a segment when a segment field is
 * asked, and the trace is valid up to and including it. Returns the question.
 */
export function deriveQuestion(trace: Trace, event: number, field: QuestionField, side?: Side): Question {
  if (!Number.isInteger(event) || event < 0 || event >= trace.events.length) throw new QuestionError(`no event ${event} in the trace`);
  if (field === 'state' && !side) throw new QuestionError('a state question names the side (A or B)');
  if (field !== 'state' && !segmentAt(trace, event)) throw new QuestionError(`event ${event} is not a segment, so it has no ${field}`);
  const records = replayRecords({ ...trace, events: trace.events.slice(0, event + 1) });
  const wrong = records.findIndex((r) => r.finding !== null);
  if (wrong >= 0) throw new QuestionError(`the trace is not valid at event ${wrong}, so it cannot ask about event ${event}`);
  return side ? { trace, event, field, side } : { trace, event, field };
}

function withAnswer(q: Question, answer: Answer): TraceEvent[] {
  const prefix = q.trace.events.slice(0, q.event + 1);
  if (q.field === 'state') return [...prefix, { expect: { [q.side as Side]: answer as TcpState } }];
  const original = segmentAt(q.trace, q.event) as Segment;
  const changed: Segment =
    q.field === 'segment'
      ? answeredSegment(q, answer)
      : { ...original, [q.field]: q.field === 'flags' ? [...(answer as Flag[])] : answer };
  const last = prefix[q.event] as TraceEvent;
  prefix[q.event] = 'send' in last ? { send: changed, id: last.id } : changed;
  return prefix;
}

/** Rejects answers of the wrong type before they reach the engine. */
export function isAnswerFor(field: QuestionField, answer: unknown): answer is Answer {
  switch (field) {
    case 'segment': {
      if (typeof answer !== 'object' || answer === null) return false;
      const a = answer as Record<string, unknown>;
      return isAnswerFor('flags', a.flags) && isAnswerFor('seq', a.seq) && isAnswerFor('ack', a.ack) && isAnswerFor('len', a.len);
    }
    case 'flags':
      return Array.isArray(answer) && answer.every((f) => (FLAGS as readonly unknown[]).includes(f)) && new Set(answer).size === answer.length;
    case 'state':
      return (STATES as readonly unknown[]).includes(answer);
    case 'len':
      return Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) <= 0x4000_0000;
    default:
      return Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) <= 0xffff_ffff;
  }
}

/** Both endpoints just before event `index`, replayed from the start. */
function connectionBefore(trace: Trace, index: number): ConnectionSnapshot {
  return snapshotAfter({ ...trace, events: trace.events.slice(0, index) });
}

/**
 * Why the asked side is in its state right after event K: the reason of its last state change.
 * It follows a wrong state answer's explanation and is what confirms a right one.
 */
function stateWhy(q: Question, lang: Lang): { state: TcpState; reason: string; rule: string; moved: boolean } {
  const side = q.side as Side;
  const records = replayRecords({ ...q.trace, events: q.trace.events.slice(0, q.event + 1) });
  let last: StateMove | null = null;
  for (const r of records) for (const m of r.moves) if (m.side === side) last = m;
  const state = records[q.event]?.states[side] ?? 'CLOSED';
  return { state, reason: stateReason(state, last, lang), rule: stateRuleCode(state, last), moved: last !== null };
}

/** The code of the transition that put a state question's side in its state (`STATE_TIME_WAIT`). Pure. */
export function stateRule(q: Question): string {
  if (q.field !== 'state' || !q.side) throw new QuestionError('a state rule needs a state question');
  return stateWhy(q, 'en').rule;
}

/** Chinese sentences follow one another without a space; each keeps at most one colon. */
const oneColon = (sentence: string): string => sentence.replace(/：/g, '，');

function withReason(explain: string, reason: string, lang: Lang): string {
  return lang === 'zh' ? `${explain}${reason}。` : `${explain} ${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

function confirmState(q: Question, lang: Lang): string {
  const { state, reason } = stateWhy(q, lang);
  return lang === 'zh' ? `${q.side} 处于 ${state}：${oneColon(reason)}。` : `${q.side} is in ${state}: ${reason}.`;
}

/** The finding of event K once the answer is put in, or null when it is legal there. */
function findingWith(q: Question, answer: Answer): Finding | null {
  const records = replayRecords({ ...q.trace, events: withAnswer(q, answer) });
  return records[records.length - 1]?.finding ?? null;
}

/**
 * A flags answer is right when a segment with exactly these flags may be sent there, its other
 * fields as the rules then require: each field the engine finds wrong takes the value it expects,
 * until only the flags could be wrong. Returns the segment tried last and its finding.
 */
function completeFlags(q: Question, flags: Flag[]): { segment: SegmentAnswer; finding: Finding | null } {
  const original = segmentAt(q.trace, q.event) as Segment;
  let segment: SegmentAnswer = { flags, seq: original.seq, ack: flags.includes('ACK') || original.ack === 0 ? original.ack : 0, len: original.len };
  let finding = findingWith({ ...q, field: 'segment' }, segment);
  for (let i = 0; i < 3 && finding && finding.field !== 'flags' && typeof finding.expected === 'number'; i++) {
    segment = { ...segment, [finding.field]: finding.expected };
    finding = findingWith({ ...q, field: 'segment' }, segment);
  }
  return { segment, finding };
}

/** The whole segment event K would be with the answer put in. */
function answeredSegment(q: Question, answer: Answer): Segment {
  const original = segmentAt(q.trace, q.event) as Segment;
  // Only the answer's own four fields: a response with more keys (a forged `from`) changes nothing else.
  if (q.field === 'segment') {
    const { flags, seq, ack, len } = answer as SegmentAnswer;
    return { ...original, flags: [...flags], seq, ack, len };
  }
  return { ...original, [q.field]: answer };
}

/**
 * A seq question about the segment that carries the sender's next new bytes asks where they
 * start: a retransmission of earlier bytes may be legal there, but it is not that segment.
 */
function newBytesFinding(q: Question, before: ConnectionSnapshot, answered: Segment): Finding | null {
  if (q.field !== 'seq' && q.field !== 'segment') return null;
  const original = segmentAt(q.trace, q.event) as Segment;
  const sender = before[original.from];
  if (!carriesNewBytes(sender, toWire(original)) || answered.seq === original.seq) return null;
  return newBytesSeqFinding(sender, toWire(answered));
}

/**
 * A wrong seq for the segment that resends lost bytes is explained by what a retransmission
 * reuses, SND.UNA, not by where new bytes would start (which is a legal answer elsewhere). A
 * resent FIN given the next seq reads to replay as a second FIN ("a direction is closed once"),
 * but the learner resent the FIN: the rule is that it keeps its original seq.
 */
function resendFinding(q: Question, before: ConnectionSnapshot, answered: Segment, found: Finding): Finding {
  const original = segmentAt(q.trace, q.event) as Segment;
  const sender = before[original.from];
  if (found.code === 'FIN_AFTER_OWN_FIN' && retransmitsFin(sender, toWire(original))) return finRetransmitSeqFinding(sender, toWire(answered), seq(answered.seq));
  // A seq moved off SND.UNA shows as a wrong seq, or as a resend running past what was sent (its len is given).
  const seqMoved = found.field === 'seq' || (found.field === 'len' && answered.seq !== original.seq);
  return seqMoved && retransmitsFromUna(sender, toWire(original)) ? retransmitSeqFinding(sender, seq(answered.seq)) : found;
}

/**
 * The rules that make a right answer right: one for a single field; for a whole segment its seq's
 * and its ack's, and a SYN's, FIN's or RST's own, each once (a RST answering a segment has one
 * rule that says all three).
 */
function rulesOfRight(before: ConnectionSnapshot, answered: Segment, field: Exclude<QuestionField, 'state'>): Finding[] {
  const sender = before[answered.from];
  const w = toWire(answered);
  if (field !== 'segment') return [ruleOfSend(sender, w, field)];
  const flags = w.syn || w.fin || w.rst ? ruleOfSend(sender, w, 'flags') : null;
  // A RST answering a segment: its one sentence gives the flags, the seq and the ack together.
  if (flags?.code === 'RST_ANSWER_ACK_FLAG') return [flags];
  const rules = [...(flags ? [flags] : []), ruleOfSend(sender, w, 'seq'), ruleOfSend(sender, w, 'ack')];
  return rules.filter((r, i) => rules.findIndex((x) => x.code === r.code) === i);
}

/** Whether a seq or whole-segment question asks where the sender's next new bytes start. Pure. */
export function asksNewBytes(q: Question): boolean {
  if (q.field !== 'seq' && q.field !== 'segment') return false;
  const original = segmentAt(q.trace, q.event) as Segment;
  return carriesNewBytes(connectionBefore(q.trace, q.event)[original.from], toWire(original));
}

/** Whether an answer is right, as data: no words, in no language. */
export interface Verdict {
  correct: boolean;
  /** The value the trace itself has there: a conforming answer, shown when revealing. */
  canonical: Answer;
  finding: Finding | null;
  /** The rule the answer breaks, or the rule that makes it right (null for a state). */
  rule: Finding | null;
  /** Every rule that makes a right answer right (a whole segment has several); empty when wrong. */
  rules: Finding[];
}

/**
 * Judges an answer by replay, without wording anything: what callers that only need right or
 * wrong (building distractors, skills, the gradebook) use. Pure.
 */
export function judgeAnswer(q: Question, answer: Answer): Verdict {
  if (!isAnswerFor(q.field, answer)) throw new QuestionError(`not a ${q.field} answer: ${JSON.stringify(answer)}`);
  const canonical = canonicalAnswer(q);
  const before = q.field === 'state' ? null : connectionBefore(q.trace, q.event);
  let finding: Finding | null;
  let answered: Segment | null = null;
  if (q.field === 'flags') {
    const completed = completeFlags(q, answer as Flag[]);
    finding = completed.finding;
    answered = { ...(segmentAt(q.trace, q.event) as Segment), ...completed.segment };
  } else {
    finding = findingWith(q, answer);
    if (before) answered = answeredSegment(q, answer);
  }
  if (finding === null && before && answered) finding = newBytesFinding(q, before, answered);
  if (finding && before && answered) finding = resendFinding(q, before, answered, finding);
  if (finding !== null) return { correct: false, canonical, finding, rule: finding, rules: [] };
  if (!before || !answered) return { correct: true, canonical, finding: null, rule: null, rules: [] };
  const rules = rulesOfRight(before, answered, q.field as Exclude<QuestionField, 'state'>);
  return { correct: true, canonical, finding: null, rule: rules[0] ?? null, rules };
}

/** A verdict in words: the rule that confirms a right answer, or the mistake and a hint for a wrong one. Pure. */
export function explainVerdict(q: Question, v: Verdict, lang: Lang): { explain: string; hint: string | null } {
  if (v.finding && q.field === 'state') {
    const why = stateWhy(q, lang);
    const hint = why.moved ? hintFinding(v.finding, lang) : unmovedStateHint(q.side as Side, lang);
    return { explain: withReason(explainFinding(v.finding, lang), why.reason, lang), hint };
  }
  if (v.finding) return { explain: explainFinding(v.finding, lang), hint: hintFinding(v.finding, lang) };
  if (q.field === 'state') return { explain: confirmState(q, lang), hint: null };
  return { explain: v.rules.map((r) => explainFinding(r, lang)).join(lang === 'zh' ? '' : ' '), hint: null };
}

/** Grades an answer by replay, with its explanation in `lang`. Pure. */
export function gradeAnswer(q: Question, answer: Answer, lang: Lang): Grade {
  const v = judgeAnswer(q, answer);
  const { explain, hint } = explainVerdict(q, v, lang);
  return { correct: v.correct, canonical: v.canonical, explain, hint, finding: v.finding, rule: v.rule };
}
