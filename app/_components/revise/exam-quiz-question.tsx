'use client';

import { useId, useMemo, useState } from 'react';
import { answerShape, type QuizItem } from '@/lib/quiz';
import { draftOf, draftResponse, type Draft, type DraftField } from '@/app/_lib/quiz-draft';
import { AnswerFields, useDraftErrorText } from '@/app/_components/quiz/answer-fields';
import { useItemPrompt } from '@/app/_components/quiz/item-prompt';
import { CardDiagram } from '@/app/_components/quiz/card-diagram';
import { QuestionPanel } from '@/app/_components/quiz/question-panel';

/**
 * A practice item of any kind as a mock exam asks it: the diagram so far and the same answer
 * fields as the quiz card, with no check and no feedback. The answer is kept as soon as it is a
 * whole response (flags as soon as one is touched, a segment once seq and ack are both numbers),
 * so that a time-out counts it; until then the question counts as unanswered.
 */
export function ExamQuizQuestion({ item, value, onChange }: { item: QuizItem; value: unknown; onChange: (response: unknown) => void }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const errorText = useDraftErrorText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});
  const prompt = useItemPrompt()(item);
  const shape = useMemo(() => answerShape(item), [item]);

  // Only a number typed and not (yet) readable is pointed out; an empty field is just unanswered.
  const result = draftResponse(shape, draft);
  const errors: Partial<Record<DraftField, string>> = {};
  if (!result.ok) {
    for (const [field, error] of Object.entries(result.errors) as Array<[DraftField, Parameters<typeof errorText>[0]]>) {
      if (touched[field] && error && 'max' in error && error.code !== 'empty') errors[field] = errorText(error);
    }
  }

  function edit(change: (d: Draft) => Draft) {
    const next = change(draft);
    setDraft(next);
    setTouched((seen) => ({ ...seen, ...Object.fromEntries((['seq', 'ack', 'len'] as const).filter((f) => next[f] !== draft[f]).map((f) => [f, true])) }));
    const r = draftResponse(shape, next);
    onChange(r.ok ? r.response : null);
  }

  return (
    <QuestionPanel id={id} kind={item.kind} prompt={prompt} data-testid="exam-question" diagram={<CardDiagram item={item} id={`${id}-d`} highlight={draft.choice} />}>
      <fieldset className="min-w-0 space-y-4">
        <legend className="sr-only">{prompt}</legend>
        <AnswerFields item={shape} id={id} draft={draft} onDraft={edit} errors={errors} />
      </fieldset>
    </QuestionPanel>
  );
}
