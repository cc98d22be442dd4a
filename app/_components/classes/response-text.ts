'use client';
// An assignment answer in words, as the answer fields label it: the feedback's "your answer" and
// "right answer", on the student's page and the instructor's.
import { useTranslations } from 'next-intl';
import type { Flag, Segment } from '@/lib/engine/types';
import { flagsText } from '@/lib/engine/segments';
import type { ItemView } from '@/lib/classroom/view';
import { segmentText } from '@/app/_lib/quiz-format';
import { useChoices } from '@/app/_components/quiz/choices';

export function useResponseText(): (item: ItemView, response: unknown) => string {
  const t = useTranslations('quiz');
  const choices = useChoices();
  const noFlags = t('noFlags');
  return (item, response) => {
    const r = response as { option?: number; event?: number } | null;
    if (typeof r === 'object' && r !== null && !Array.isArray(r) && (typeof r.option === 'number' || typeof r.event === 'number')) {
      const value = r.option ?? r.event;
      return choices(item).find((c) => c.value === value)?.text ?? '';
    }
    if (Array.isArray(response)) return flagsText(response as Flag[]) || noFlags;
    if (typeof response === 'object' && response !== null) return segmentText(response as Segment, noFlags);
    return String(response);
  };
}
