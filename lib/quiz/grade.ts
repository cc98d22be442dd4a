// Grades a learner's response to a quiz item, in the browser or on the server alike.
import { explainFinding, gradeAnswer, isAnswerFor, replayRecords, segmentOf, type Answer, type Finding, type Lang, type Side } from '../engine/index';
import type { QuizItem } from './build';
import { classifyMistake, type Misconception } from './misconceptions';
import { skillOf, type Skill } from './skills';

/** What a learner answers: a value for the field, an event index, or an option index. */
export type Response = Answer | { event: number } | { option: number };

export interface ItemGrade {
  correct: boolean;
  explain: string;
  /** The right answer to reveal: a value, the wrong event, or the right option. */
  canonical: Answer | { event: number } | { option: number };
  finding: Finding | null;
  misconception: Misconception | null;
  skill: Skill;
}

export class ResponseError extends Error {
  override name = 'ResponseError';
}

function senderOf(item: QuizItem): Side | null {
  return segmentOf(item.trace.events[item.event])?.from ?? null;
}

/** Grades a response. Throws ResponseError for a response of the wrong shape. Pure. */
export function gradeItem(item: QuizItem, response: Response, lang: Lang): ItemGrade {
  const skill = skillOf(item);
  if (item.kind === 'spot_error') {
    if (typeof response !== 'object' || response === null || !('event' in response) || !Number.isInteger(response.event)) {
      throw new ResponseError('answer with the index of the wrong event');
    }
    const finding = replayRecords(item.trace)[item.event]?.finding ?? null;
    const explain = finding ? explainFinding(finding, lang) : '';
    return { correct: response.event === item.event, explain, canonical: { event: item.event }, finding, misconception: null, skill };
  }
  const q = item.question;
  if (!q) throw new ResponseError('this item has no question');
  let answer: unknown = response;
  if (item.options) {
    if (typeof response !== 'object' || response === null || !('option' in response)) throw new ResponseError('answer with an option index');
    answer = item.options[response.option];
    if (answer === undefined) throw new ResponseError(`no option ${response.option}`);
  }
  if (!isAnswerFor(q.field, answer)) throw new ResponseError(`not a ${q.field} answer`);
  const g = gradeAnswer(q, answer, lang);
  const canonical = item.options ? { option: item.options.findIndex((o) => gradeAnswer(q, o, lang).correct) } : g.canonical;
  const misconception = g.finding ? classifyMistake(item.trace, q.field === 'state' ? null : senderOf(item), g.finding) : null;
  return { correct: g.correct, explain: g.explain, canonical, finding: g.finding, misconception, skill };
}
