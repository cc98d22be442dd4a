// Whether a learner's response to a quiz item is right, as data (the finding, the misconception,
// the skill), in the browser or on the server alike. No words: grade.ts puts a check into a
// language, for the callers that show it.
import { canonicalAnswer, judgeAnswer, isAnswerFor, replayRecords, type Answer, type Finding, type SegmentAnswer, type Side, type Verdict } from '../engine/index';
import { byteAnswer, classifyByteMistake } from './byte-count';
import { askedSide, type QuizItem, type StateChoiceItem } from './item';
import { classifyMistake, type Misconception } from './misconceptions';
import { skillOf, skillOfFinding, type Skill } from './skills';

/** What a learner answers: a value for the field, an event index, or an option index. */
export type Response = Answer | { event: number } | { option: number };

export interface ItemCheck {
  correct: boolean;
  /** The right answer to reveal: a value, the wrong event, or the right option. */
  canonical: Response;
  finding: Finding | null;
  misconception: Misconception | null;
  skill: Skill;
  /** The engine's verdict on the answer, which the explanation is worded from (null for spot the error). */
  verdict: Verdict | null;
  /** State choice: the side the verdict is about (the wrong one, else A). */
  verdictSide: Side | null;
  /** Multiple choice: the verdict on every option, to say on the reveal why each wrong one is wrong. */
  optionVerdicts: Verdict[] | null;
}

export class ResponseError extends Error {
  override name = 'ResponseError';
}

/** Checks a response. Throws ResponseError for a response of the wrong shape. Pure. */
export function checkAnswer(item: QuizItem, response: Response): ItemCheck {
  const skill = skillOf(item);
  const none = { verdict: null, verdictSide: null, optionVerdicts: null };
  switch (item.kind) {
    case 'spot_error': {
      if (typeof response !== 'object' || response === null || !('event' in response) || !Number.isInteger(response.event)) {
        throw new ResponseError('answer with the index of the wrong event');
      }
      const finding = replayRecords(item.trace)[item.event]?.finding ?? null;
      return { ...none, correct: response.event === item.event, canonical: { event: item.event }, finding, misconception: null, skill };
    }
    case 'state_choice':
      return checkStateChoice(item, response, skill);
    case 'bytes': {
      if (typeof response !== 'number' || !Number.isInteger(response) || response < 0) throw new ResponseError('answer with a whole number of bytes');
      const canonical = byteAnswer(item.question);
      const correct = response === canonical;
      return { ...none, correct, canonical, finding: null, misconception: correct ? null : classifyByteMistake(item.question, response), skill };
    }
    case 'multiple_choice': {
      const chosen = optionIndex(response, item.options.length);
      const optionVerdicts = item.options.map((o) => judgeAnswer(item.question, o));
      const verdict = optionVerdicts[chosen] as Verdict;
      const misconception = verdict.finding ? classifyMistake(item.trace, askedSide(item), verdict.finding) : null;
      const canonical = { option: optionVerdicts.findIndex((v) => v.correct) };
      const answered = skillOfOneWrongField(verdict.canonical as SegmentAnswer, item.options[chosen] as SegmentAnswer, verdict.finding) ?? skill;
      return { ...none, correct: verdict.correct, canonical, finding: verdict.finding, misconception, skill: answered, verdict, optionVerdicts };
    }
    default: {
      const q = item.question;
      if (!isAnswerFor(q.field, response)) throw new ResponseError(`not a ${q.field} answer`);
      const verdict = judgeAnswer(q, response);
      const misconception = verdict.finding ? classifyMistake(item.trace, item.kind === 'state' ? null : askedSide(item), verdict.finding) : null;
      const answered = q.field === 'segment' ? (skillOfOneWrongField(verdict.canonical as SegmentAnswer, response as SegmentAnswer, verdict.finding) ?? skill) : skill;
      return { ...none, correct: verdict.correct, canonical: verdict.canonical, finding: verdict.finding, misconception, skill: answered, verdict };
    }
  }
}

/** The response that is right for the item (one of them, where several are): its answer key. Pure. */
export function rightResponse(item: QuizItem): Response {
  switch (item.kind) {
    case 'spot_error':
      return { event: item.event };
    case 'bytes':
      return byteAnswer(item.question);
    case 'multiple_choice':
    case 'state_choice':
      return checkAnswer(item, { option: 0 }).canonical;
    default:
      return canonicalAnswer(item.question);
  }
}

/**
 * A whole segment wrong in one field only is a mistake of that field's rule: a SYN,ACK right but
 * for its seq is recorded under the seq skill, not under "acknowledging a SYN".
 */
function skillOfOneWrongField(right: SegmentAnswer, given: SegmentAnswer, finding: Finding | null): Skill | null {
  if (!finding) return null;
  const sameFlags = right.flags.length === given.flags.length && right.flags.every((f) => given.flags.includes(f));
  const wrong = [!sameFlags && 'flags', right.seq !== given.seq && 'seq', right.ack !== given.ack && 'ack', right.len !== given.len && 'len'].filter(Boolean);
  return wrong.length === 1 && wrong[0] === finding.field ? skillOfFinding(finding) : null;
}

function optionIndex(response: Response, count: number): number {
  if (typeof response !== 'object' || response === null || !('option' in response)) throw new ResponseError('answer with an option index');
  if (!Number.isInteger(response.option) || response.option < 0 || response.option >= count) throw new ResponseError(`no option ${response.option}`);
  return response.option;
}

/** "Which states are A and B in now?": right when the replay agrees on both sides. */
function checkStateChoice(item: StateChoiceItem, response: Response, skill: Skill): ItemCheck {
  const { question: q, options } = item;
  const pair = options[optionIndex(response, options.length)] as (typeof options)[number];
  const verdicts = (['A', 'B'] as const).map((side) => ({ side, verdict: judgeAnswer({ ...q, side }, pair[side]) }));
  const right = { A: verdicts[0]?.verdict.canonical, B: verdicts[1]?.verdict.canonical };
  const canonical = { option: options.findIndex((o) => o.A === right.A && o.B === right.B) };
  const shown = verdicts.find((v) => !v.verdict.correct) ?? (verdicts[0] as (typeof verdicts)[number]);
  const finding = shown.verdict.finding;
  const misconception = finding ? classifyMistake(item.trace, null, finding) : null;
  return { correct: finding === null, canonical, finding, misconception, skill, verdict: shown.verdict, verdictSide: shown.side, optionVerdicts: null };
}
