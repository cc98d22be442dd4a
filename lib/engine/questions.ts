// Questions and grading: any trace, an event index and a field make a question; an answer is
// graded by replaying the trace up to that event with the answer put in, so every answer a
// conforming TCP could give at that point is right. Never a compare against one stored value.
import { explainFinding, type Lang } from './explain/index';
import type { Finding } from './findings';
import { narrateTrace } from './narrate';
import { replayRecords } from './replay';
import { FLAGS, STATES, type Flag, type Segment, type Side, type TcpState, type Trace, type TraceEvent } from './types';
import { canonicalFlags } from './wire';

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
  /** The rule behind the answer (correct) or the engine's explanation of the mistake (wrong). */
  explain: string;
  finding: Finding | null;
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
      ? { ...original, ...(answer as SegmentAnswer), flags: [...(answer as SegmentAnswer).flags] }
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

/** The rule behind the event, for confirming a right answer: the narration of that step. */
function narrationOf(q: Question, lang: Lang): string {
  return narrateTrace({ ...q.trace, events: q.trace.events.slice(0, q.event + 1) }, lang)[q.event] ?? '';
}

/** A wrong answer whose explanation states the rule that fixes the right one. */
function probeFor(q: Question, right: Answer): { field: QuestionField; answer: Answer } | null {
  switch (q.field) {
    case 'seq':
    case 'ack':
      return { field: q.field, answer: ((right as number) + 1) % 0x1_0000_0000 };
    case 'segment':
      return { field: 'ack', answer: ((right as SegmentAnswer).ack + 1) % 0x1_0000_0000 };
    case 'flags': {
      const flags = right as Flag[];
      return { field: 'flags', answer: flags.includes('ACK') ? flags.filter((f) => f !== 'ACK') : [...flags, 'ACK'] };
    }
    default:
      return null;
  }
}

/**
 * Why the right answer is right: the engine's explanation of the mistake one step off it (for
 * "ack = 1001": "... the SYN consumes one sequence number, so ack = 1000 + 1 = 1001"), which
 * states the rule with the numbers; for a state, the narration of the step.
 */
function ruleOf(q: Question, right: Answer, lang: Lang): string {
  const probe = probeFor(q, right);
  if (probe) {
    const finding = replayRecords({ ...q.trace, events: withAnswer({ ...q, field: probe.field }, probe.answer) }).at(-1)?.finding;
    if (finding && finding.field === probe.field) return explainFinding(finding, lang);
  }
  return narrationOf(q, lang);
}

/** Grades an answer by replay. Pure. */
export function gradeAnswer(q: Question, answer: Answer, lang: Lang): Grade {
  if (!isAnswerFor(q.field, answer)) throw new QuestionError(`not a ${q.field} answer: ${JSON.stringify(answer)}`);
  const events = withAnswer(q, answer);
  const records = replayRecords({ ...q.trace, events });
  const finding = records[records.length - 1]?.finding ?? null;
  const canonical = canonicalAnswer(q);
  if (finding === null) return { correct: true, canonical, explain: ruleOf(q, canonical, lang), finding: null };
  return { correct: false, canonical, explain: explainFinding(finding, lang), finding };
}
