'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Segment } from '@/lib/engine/types';
import { askedSegment, type QuizItem, type Response } from '@/lib/quiz';
import { revealEnd } from '@/app/_lib/quiz-format';
import type { ExtraArrow } from '@/app/_components/trace/sequence-diagram';
import { QuizDiagram } from './quiz-diagram';

/** Where a wrong response would have put the asked segment, to draw it beside the right one. */
function wrongSegmentOf(item: QuizItem, segment: Segment, wrong: Response): Segment | null {
  if (item.kind === 'next_flags' && Array.isArray(wrong)) return { ...segment, flags: wrong };
  if ((item.kind === 'seq' || item.kind === 'ack' || item.kind === 'len') && typeof wrong === 'number') return { ...segment, [item.kind]: wrong };
  if (item.kind === 'segment' && typeof wrong === 'object' && 'flags' in wrong) return { ...segment, ...wrong, flags: [...wrong.flags] };
  if (item.kind === 'multiple_choice' && typeof wrong === 'object' && 'option' in wrong) {
    const option = item.options[wrong.option];
    return option ? { ...option, from: segment.from } : null;
  }
  return null;
}

/**
 * A question's diagram: before it is answered, the connection so far with the asked segment
 * pending, the asked state hidden, or (spot the error) the whole trace with the pick highlighted;
 * once it is over (`done`), the right segment in place, and, when it was revealed after wrong
 * tries, the last wrong answer drawn where it would have gone. The quiz card, a mock exam and
 * the mistake book all draw it here.
 */
export function CardDiagram({
  item,
  id,
  done = false,
  wrong = null,
  highlight = null,
}: {
  item: QuizItem;
  id: string;
  done?: boolean;
  /** The wrong response to draw once the answer is revealed. */
  wrong?: Response | null;
  /** Spot the error: the event picked so far (the planted one once done). */
  highlight?: number | null;
}) {
  const t = useTranslations('quiz');
  const segment = askedSegment(item);
  const trace = useMemo(() => {
    if (item.kind === 'spot_error') return item.trace;
    const end = done && segment ? revealEnd(item.trace.events, item.event) : item.shown;
    return { ...item.trace, events: item.trace.events.slice(0, end) };
  }, [item, done, segment]);

  let extra: ExtraArrow | null = null;
  if (segment && !done) extra = { from: segment.from, segment: null, label: t('nextSegment'), tone: 'pending' };
  const wrongSegment = segment && done && wrong !== null ? wrongSegmentOf(item, segment, wrong) : null;
  if (segment && wrongSegment) extra = { from: segment.from, segment: wrongSegment, label: t('yourAnswer'), tone: 'wrong' };
  const hidden = done ? null : item.kind === 'state' ? item.question.side : item.kind === 'state_choice' ? ('both' as const) : null;
  const mask = hidden ? { row: item.shown, side: hidden } : null;
  // Spot the error lights no row before a pick (-1): the last row lit by default would point at a mistake planted there.
  const pick = item.kind !== 'spot_error' ? null : done ? item.event : (highlight ?? -1);
  return <QuizDiagram id={id} trace={trace} extra={extra} mask={mask} highlight={pick} />;
}
