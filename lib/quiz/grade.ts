// A check put into words, in one language: what the quiz card, a class's feedback and revision
// show. Callers that only need right or wrong use checkAnswer (check.ts) and skip the wording.
import { explainFinding, explainVerdict, hintFinding, judgeAnswer, type Lang } from '../engine/index';
import { explainBytes, hintBytes } from './byte-words';
import { checkAnswer, type ItemCheck, type Response } from './check';
import type { QuizItem } from './item';

export interface ItemExplanation {
  /** The full explanation with its numbers: a right answer's rule, or the reveal of a wrong one. */
  explain: string;
  /** A wrong answer's first-try feedback: the rule to apply, without the numbers. */
  hint: string | null;
  /** Multiple choice: for every option, whether it is right and why (shown on the reveal). */
  optionExplanations: Array<{ correct: boolean; explain: string }> | null;
}

export type ItemGrade = Omit<ItemCheck, 'verdict' | 'verdictSide' | 'optionVerdicts'> & ItemExplanation;

/** The words for a check of `item`, in `lang`. Pure. */
export function explainCheck(item: QuizItem, check: ItemCheck, lang: Lang): ItemExplanation {
  switch (item.kind) {
    case 'spot_error': {
      const f = check.finding;
      return { explain: f ? explainFinding(f, lang) : '', hint: check.correct || !f ? null : hintFinding(f, lang), optionExplanations: null };
    }
    case 'bytes':
      return { explain: explainBytes(item.question, lang), hint: check.correct ? null : hintBytes(item.question, lang), optionExplanations: null };
    case 'state_choice': {
      const q = { ...item.question, side: check.verdictSide ?? item.question.side };
      return { ...explainVerdict(q, check.verdict as NonNullable<ItemCheck['verdict']>, lang), optionExplanations: null };
    }
    case 'multiple_choice': {
      const words = explainVerdict(item.question, check.verdict as NonNullable<ItemCheck['verdict']>, lang);
      const optionExplanations = (check.optionVerdicts ?? []).map((v) => ({ correct: v.correct, explain: explainVerdict(item.question, v, lang).explain }));
      return { ...words, optionExplanations };
    }
    default:
      return { ...explainVerdict(item.question, check.verdict as NonNullable<ItemCheck['verdict']>, lang), optionExplanations: null };
  }
}

/**
 * The part of a sentence after its first colon, in lower case: the reason, which a state's two
 * wordings share ("A is in ESTABLISHED: its SYN ..." and "... at this point. Its SYN ...").
 */
const reasonOf = (text: string): string => text.slice(Math.max(text.indexOf(':'), text.indexOf('：')) + 1).trim().toLowerCase();

/**
 * The words that make the right answer right. A pair of states wrong on one side is confirmed
 * with that side's state, not with the side the learner got right.
 */
function rightWords(item: QuizItem, wrong: ItemGrade, lang: Lang): string {
  if (item.kind === 'state_choice' && wrong.finding?.code === 'STATE_MISMATCH') {
    const q = { ...item.question, side: wrong.finding.params.side };
    return explainVerdict(q, judgeAnswer(q, wrong.finding.params.expected), lang).explain;
  }
  return gradeItem(item, wrong.canonical, lang).explain;
}

/**
 * The rule behind the right answer, to show on the reveal after why the learner's answer is
 * wrong; null when that explanation already says it (a wrong ack of a SYN is explained by the
 * very rule that makes the right ack right, a wrong state by the reason the right state has), so
 * the reveal states each rule once. Pure.
 */
export function revealRule(item: QuizItem, wrong: ItemGrade, lang: Lang): string | null {
  if (item.kind === 'spot_error') return null;
  let rule: string;
  try {
    rule = rightWords(item, wrong, lang).trim();
  } catch {
    return null;
  }
  const said = wrong.explain.toLowerCase();
  if (rule === '' || said.includes(rule.toLowerCase()) || said.includes(reasonOf(rule))) return null;
  return rule;
}

/** Checks a response and words the result. Throws ResponseError for a response of the wrong shape. Pure. */
export function gradeItem(item: QuizItem, response: Response, lang: Lang): ItemGrade {
  const check = checkAnswer(item, response);
  const { verdict: _verdict, verdictSide: _side, optionVerdicts: _options, ...rest } = check;
  return { ...rest, ...explainCheck(item, check, lang) };
}
