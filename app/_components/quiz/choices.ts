import { useTranslations } from 'next-intl';
import { otherSide, segmentOf } from '@/lib/engine';
import type { Segment } from '@/lib/engine/types';
import { segmentEvents, type AnswerShape } from '@/lib/quiz';
import { segmentText } from '@/app/_lib/quiz-format';

/** An option's letter: A for the first. */
export const letter = (n: number): string => String.fromCharCode(65 + n);

/** The choices a choice question offers, in words: a value (option or event index) and its text. */
export function useChoices(): (item: AnswerShape) => Array<{ value: number; text: string }> {
  const t = useTranslations('quiz');
  const noFlags = t('noFlags');
  return (item) => {
    if (item.kind === 'spot_error') {
      // Numbered, so a lost segment and its retransmission (the same fields) are two options, not one label twice.
      return segmentEvents(item.trace).map((i, n) => {
        const s = segmentOf(item.trace.events[i]) as Segment;
        return { value: i, text: t('eventLabel', { n: n + 1, from: s.from, to: otherSide(s.from), segment: segmentText(s, noFlags) }) };
      });
    }
    if (item.kind === 'state_choice') return (item.stateOptions ?? []).map((p, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: t('statePair', { a: p.A, b: p.B }) }) }));
    if (item.kind === 'multiple_choice') return (item.options ?? []).map((o, i) => ({ value: i, text: t('optionText', { letter: letter(i), text: segmentText(o, noFlags) }) }));
    return [];
  };
}
