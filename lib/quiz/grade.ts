// Grades a learner's response to a quiz item, in the browser or on the server alike.
import {
  canonicalAnswer,
  explainFinding,
  gradeAnswer,
  hintFinding,
  isAnswerFor,
  replayRecords,
  type Answer,
  type Finding,
  type Lang,
  type SegmentAnswer,
  type Side,
} from '../engine/index';
import { classifyMistake, type Misconception } from './misconceptions';
import { askedSide, type QuizItem, type StateChoiceItem } from './item';
import { skillOf, skillOfFinding, type Skill } from './skills';

/** What a learner answers: a value for the field, an event index, or an option index. */
export type Response = Answer | { event: number } | { option: number };

export interface ItemGrade {
  correct: boolean;
  /** The full explanation with its numbers: a right answer's rule, or the reveal of a wrong one. */
  explain: string;
  /** A wrong answer's first-try feedback: the rule to apply, without the numbers. */
  hint: string | null;
  /** Multiple choice: for every option, whether it is right and why (shown on the reveal). */
  optionExplanations: Array<{ correct: boolean; explain: string }> | null;
  /** The right answer to reveal: a value, the wrong event, or the right option. */
  canonical: Answer | { event: number } | { option: number };
  finding: Finding | null;
  misconception: Misconception | null;
  skill: Skill;
}

export class ResponseError extends Error {
  override name = 'ResponseError';
}

/** Grades a response. Throws ResponseError for a response of the wrong shape. Pure. */
export function gradeItem(item: QuizItem, response: Response, lang: Lang): ItemGrade {
  const skill = skillOf(item);
  switch (item.kind) {
    case 'spot_error': {
      if (typeof response !== 'object' || response === null || !('event' in response) || !Number.isInteger(response.event)) {
        throw new ResponseError('answer with the index of the wrong event');
      }
      const finding = replayRecords(item.trace)[item.event]?.finding ?? null;
      const explain = finding ? explainFinding(finding, lang) : '';
      const correct = response.event === item.event;
      const hint = correct ? null : hintFinding(finding as Finding, lang);
      return { correct, explain, hint, optionExplanations: null, canonical: { event: item.event }, finding, misconception: null, skill };
    }
    case 'state_choice':
      return gradeStateChoice(item, response, lang, skill);
    case 'multiple_choice': {
      const q = item.question;
      const answer = item.options[optionIndex(response, item.options.length)] as SegmentAnswer;
      const g = gradeAnswer(q, answer, lang);
      const optionGrades = item.options.map((o) => gradeAnswer(q, o, lang));
      const canonical = { option: optionGrades.findIndex((o) => o.correct) };
      const misconception = g.finding ? classifyMistake(item.trace, askedSide(item), g.finding) : null;
      const optionExplanations = optionGrades.map((o) => ({ correct: o.correct, explain: o.explain }));
      const answered = skillOfOneWrongField(g.canonical as SegmentAnswer, answer, g.finding) ?? skill;
      return { correct: g.correct, explain: g.explain, hint: g.hint, optionExplanations, canonical, finding: g.finding, misconception, skill: answered };
    }
    default: {
      const q = item.question;
      if (!isAnswerFor(q.field, response)) throw new ResponseError(`not a ${q.field} answer`);
      const g = gradeAnswer(q, response, lang);
      const misconception = g.finding ? classifyMistake(item.trace, item.kind === 'state' ? null : askedSide(item), g.finding) : null;
      const answered = q.field === 'segment' ? (skillOfOneWrongField(g.canonical as SegmentAnswer, response as SegmentAnswer, g.finding) ?? skill) : skill;
      return { correct: g.correct, explain: g.explain, hint: g.hint, optionExplanations: null, canonical: g.canonical, finding: g.finding, misconception, skill: answered };
    }
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
function gradeStateChoice(item: StateChoiceItem, response: Response, lang: Lang, skill: Skill): ItemGrade {
  const { question: q, options } = item;
  const pair = options[optionIndex(response, options.length)] as (typeof options)[number];
  const grades = (['A', 'B'] as Side[]).map((side) => gradeAnswer({ ...q, side }, pair[side], lang));
  const wrong = grades.find((g) => !g.correct) ?? null;
  const right = { A: canonicalAnswer({ ...q, side: 'A' }), B: canonicalAnswer({ ...q, side: 'B' }) };
  const canonical = { option: options.findIndex((o) => o.A === right.A && o.B === right.B) };
  if (!wrong) return { correct: true, explain: grades[0]?.explain ?? '', hint: null, optionExplanations: null, canonical, finding: null, misconception: null, skill };
  const finding = wrong.finding;
  const misconception = finding ? classifyMistake(item.trace, null, finding) : null;
  return { correct: false, explain: wrong.explain, hint: wrong.hint, optionExplanations: null, canonical, finding, misconception, skill };
}
