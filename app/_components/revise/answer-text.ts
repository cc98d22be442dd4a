'use client';
// Answers and options in words, for the exam report and the mistake book: the same wording as
// the quiz card uses for options, segments and states.
import { useTranslations } from 'next-intl';
import { flagsText, type Flag, type Segment } from '@/lib/engine';
import { answerShape, type QuizItem } from '@/lib/quiz';
import { countsBytes, type RevisionQuestion, type TrackItem, type TrackOption } from '@/lib/revision';
import { segmentText } from '@/app/_lib/quiz-format';
import { letter, useChoices } from '@/app/_components/quiz/choices';

export function useTrackOptionText(): (item: TrackItem, option: TrackOption) => string {
  const t = useTranslations('revise.track');
  const tq = useTranslations('quiz');
  return (item, o) => {
    if ('number' in o) return countsBytes(item.style) ? t('bytes', { n: o.number }) : String(o.number);
    if ('states' in o) return tq('statePair', { a: o.states.A, b: o.states.B });
    if ('segment' in o) {
      const bit = (f: Flag) => (o.segment.flags.includes(f) ? 1 : 0);
      return t('bits', { syn: bit('SYN'), ack: bit('ACK'), seq: o.segment.seq, ackNo: o.segment.ack });
    }
    return t('waits', { side: t(`side.${o.waits}`), seconds: o.seconds });
  };
}

export function useAnswerText(): (q: RevisionQuestion, answer: unknown) => string {
  const tq = useTranslations('quiz');
  const trackOption = useTrackOptionText();
  const choices = useChoices();
  const noFlags = tq('noFlags');
  const quizText = (item: QuizItem, a: unknown): string => {
    if (typeof a === 'object' && a !== null && ('option' in a || 'event' in a)) {
      const value = 'option' in a ? (a as { option: number }).option : (a as { event: number }).event;
      return choices(answerShape(item)).find((c) => c.value === value)?.text ?? '';
    }
    if (Array.isArray(a)) return flagsText(a as Flag[]) || noFlags;
    if (typeof a === 'object' && a !== null) return segmentText(a as Segment, noFlags);
    return String(a);
  };
  return (q, a) => {
    if (q.source === 'quiz') return quizText(q.item, a);
    const i = typeof a === 'object' && a !== null && 'option' in a ? (a as { option: number }).option : -1;
    const option = q.item.options[i];
    return option ? tq('optionText', { letter: letter(i), text: trackOption(q.item, option) }) : '';
  };
}
