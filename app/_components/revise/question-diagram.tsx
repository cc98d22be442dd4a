'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { askedSegment, type QuizItem } from '@/lib/quiz';
import type { ExtraArrow } from '@/app/_components/trace/sequence-diagram';
import { QuizDiagram } from '@/app/_components/quiz/quiz-diagram';

/**
 * A question's diagram before it is answered: the connection so far with the asked segment
 * pending, the asked state hidden, or (spot the error) the whole trace with the pick highlighted.
 * A mock exam and the mistake book draw it the same way.
 */
export function QuestionDiagram({ item, id, highlight = null }: { item: QuizItem; id: string; highlight?: number | null }) {
  const t = useTranslations('quiz');
  const segment = askedSegment(item);
  const trace = useMemo(() => (item.kind === 'spot_error' ? item.trace : { ...item.trace, events: item.trace.events.slice(0, item.shown) }), [item]);
  const extra: ExtraArrow | null = segment ? { from: segment.from, segment: null, label: t('nextSegment'), tone: 'pending' } : null;
  const mask = item.kind === 'state' ? { row: item.shown, side: item.question.side } : item.kind === 'state_choice' ? { row: item.shown, side: 'both' as const } : null;
  return <QuizDiagram id={id} trace={trace} extra={extra} mask={mask} highlight={item.kind === 'spot_error' ? highlight : null} />;
}
