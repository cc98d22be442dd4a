// The one-click follow-up: the original assignment's settings, drilling one misconception
// (lib/classroom/specs narrows its questions to it), feedback at once. It opens at once, with its
// due time shown on the button and its page (trial F12: it used to open a day later, unsaid). Pure.
import type { Lang } from '../engine/index';
import type { Misconception } from '../quiz/index';
import type { AssignmentConfig, AssignmentInput } from './config';

/** How long a follow-up stays open. */
export const FOLLOW_UP_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;
const SUFFIX: Record<Lang, string> = { en: 'follow-up', zh: '巩固练习' };
/** Enough questions to drill, few enough to do the same day. */
const MAX_QUESTIONS = 6;

export function followUpInput(original: { title: string; config: AssignmentConfig }, focus: Misconception, lang: Lang, now: number): AssignmentInput {
  return {
    ...original.config,
    title: `${original.title} · ${SUFFIX[lang]}`.slice(0, 120),
    focus,
    count: Math.min(original.config.count, MAX_QUESTIONS),
    feedback: 'immediate',
    timeLimit: null,
    opensAt: now,
    dueAt: now + FOLLOW_UP_DAYS * DAY,
  };
}
