// `trace grade FILE --event K --field F --answer JSON [--lang zh]`: any trace as a question about
// one of its events, graded by the same replay as everything else (the trace format's "Questions
// from the command line"). The events before K are the context; event K's own value is ignored.
import {
  canonicalAnswer,
  gradeAnswer,
  isAnswerFor,
  judgeAnswer,
  parseTrace,
  QuestionError,
  replayRecords,
  segmentOf,
  stateRule,
  STATES,
  type Answer,
  type Grade,
  type Lang,
  type Question,
  type QuestionField,
  type SegmentAnswer,
  type Side,
  type StatePair,
  type Trace,
} from '../engine/index';
import { classifyMistake } from '../quiz/index';
import { parseJson, QuestionInputError } from './question-args';

const FIELDS: readonly QuestionField[] = ['flags', 'seq', 'ack', 'len', 'segment', 'state'];

/** What each field's answer looks like, for the message that refuses a malformed one. */
const ANSWER_SHAPES: Record<Exclude<QuestionField, 'state'>, string> = {
  flags: 'an array of distinct flags from SYN, ACK, FIN, RST, PSH, such as ["FIN","ACK"]',
  seq: 'a whole number from 0 to 4294967295 (32 bits; sequence numbers wrap)',
  ack: 'a whole number from 0 to 4294967295 (32 bits; sequence numbers wrap)',
  len: 'a whole number of bytes from 0 to 1073741824',
  segment: '{"flags": [...], "seq": N, "ack": N, "len": N} with each field as for its own question',
};

export interface GradeOutput {
  correct: boolean;
  field: QuestionField;
  expected: unknown;
  explain: string;
  rule: string | null;
  misconception: string | null;
}

export interface GradeArgs {
  traceText: string;
  event: string | undefined;
  field: string | undefined;
  answer: string | undefined;
  lang: Lang;
}

function eventIndex(text: string | undefined, trace: Trace): number {
  if (text === undefined) throw new QuestionInputError('--event K is required');
  if (!/^\d{1,9}$/.test(text)) throw new QuestionInputError(`--event must be an event index (0 is the first event), not ${JSON.stringify(text)}`);
  const k = Number(text);
  if (k >= trace.events.length) throw new QuestionInputError(`no event ${k}: the trace has ${trace.events.length} events (0 to ${trace.events.length - 1})`);
  return k;
}

/** A SEGMENT without `from`; `len` may be left out (0), as in a trace. */
function segmentAnswer(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const extra = Object.keys(v).filter((k) => !['flags', 'seq', 'ack', 'len'].includes(k));
  if (extra.length > 0) throw new QuestionInputError(`a segment answer has flags, seq, ack and len, not ${extra.join(', ')}`);
  return { flags: v.flags, seq: v.seq, ack: v.ack, len: v.len ?? 0 };
}

function stateAnswer(value: unknown): Partial<StatePair> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new QuestionInputError('a state answer is {"A": STATE, "B": STATE} (either side may be left out)');
  const v = value as Record<string, unknown>;
  const sides = Object.keys(v);
  if (sides.length === 0 || sides.some((k) => k !== 'A' && k !== 'B')) throw new QuestionInputError('a state answer names side A, side B or both');
  for (const side of sides) {
    if (!(STATES as readonly unknown[]).includes(v[side])) throw new QuestionInputError(`${JSON.stringify(v[side])} is not a state (${STATES.join(', ')})`);
  }
  return v as Partial<StatePair>;
}

/** The context must replay valid: a question asked after a mistake has no right answer. */
function checkContext(trace: Trace, k: number): void {
  const records = replayRecords({ ...trace, events: trace.events.slice(0, k) });
  const wrong = records.findIndex((r) => r.finding !== null);
  if (wrong >= 0) throw new QuestionInputError(`the trace is not valid at event ${wrong}, before event ${k}, so it cannot ask about event ${k}`);
}

function output(field: QuestionField, g: Grade, expected: unknown, misconception: string | null, rule: string | null = g.rule?.code ?? null): GradeOutput {
  return { correct: g.correct, field, expected, explain: g.explain, rule, misconception };
}

/** One right answer: the trace's own value when it is right, else the answer, else what the engine expects. */
function rightAnswer(q: Question, answer: Answer, g: Grade): Answer {
  if (g.correct) return answer;
  const own = canonicalAnswer(q);
  if (judgeAnswer(q, own).correct) return own;
  const expected = g.finding?.expected;
  if (q.field === 'segment' && g.finding && typeof expected === 'number') return { ...(answer as SegmentAnswer), [g.finding.field]: expected };
  return isAnswerFor(q.field, expected) ? expected : own;
}

function gradeState(trace: Trace, k: number, answer: Partial<StatePair>, lang: Lang): GradeOutput {
  const sides = (['A', 'B'] as Side[]).filter((s) => answer[s] !== undefined);
  const grades = sides.map((side) => gradeAnswer({ trace, event: k, field: 'state', side }, answer[side] as Answer, lang));
  const expected = Object.fromEntries(sides.map((side) => [side, canonicalAnswer({ trace, event: k, field: 'state', side })]));
  const wrong = grades.find((g) => !g.correct);
  const shown = wrong ?? (grades[0] as Grade);
  const misconception = wrong?.finding ? classifyMistake(trace, null, wrong.finding) : null;
  // A right answer names the transition that put the (first asked) side in its state.
  const rule = wrong ? (wrong.rule?.code ?? null) : stateRule({ trace, event: k, field: 'state', side: sides[0] as Side });
  return output('state', shown, expected, misconception, rule);
}

/** Grades one answer; throws QuestionInputError (or the engine's TraceFormatError) for bad input. Pure. */
export function gradeCommand(args: GradeArgs): GradeOutput {
  const trace = parseTrace(parseJson(args.traceText, 'the trace'));
  const k = eventIndex(args.event, trace);
  if (args.field === undefined) throw new QuestionInputError('--field F is required');
  const field = args.field as QuestionField;
  if (!FIELDS.includes(field)) throw new QuestionInputError(`--field must be one of ${FIELDS.join(', ')}`);
  if (args.answer === undefined) throw new QuestionInputError('--answer JSON is required');
  const raw = parseJson(args.answer, 'the answer');
  if (field !== 'state' && !segmentOf(trace.events[k])) throw new QuestionInputError(`event ${k} is not a segment, so it has no ${field}`);
  checkContext(trace, k);
  if (field === 'state') return gradeState(trace, k, stateAnswer(raw), args.lang);
  const answer = field === 'segment' ? segmentAnswer(raw) : raw;
  if (!isAnswerFor(field, answer)) throw new QuestionInputError(`${JSON.stringify(raw)} is not an answer for ${field}: ${ANSWER_SHAPES[field]}`);
  const q: Question = { trace, event: k, field };
  try {
    const g = gradeAnswer(q, answer, args.lang);
    const sender = (segmentOf(trace.events[k]) as { from: Side }).from;
    const misconception = g.finding ? classifyMistake(trace, sender, g.finding) : null;
    return output(field, g, rightAnswer(q, answer, g), misconception);
  } catch (e) {
    if (e instanceof QuestionError) throw new QuestionInputError(e.message);
    throw e;
  }
}
