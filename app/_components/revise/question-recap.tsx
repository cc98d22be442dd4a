'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { RevisionQuestion } from '@/lib/revision';
import { CardDiagram } from '@/app/_components/quiz/card-diagram';
import { useItemPrompt } from '@/app/_components/quiz/item-prompt';
import { useAnswerText } from './answer-text';
import { useTrackPrompt } from './track-question';

/**
 * What was asked, for a question looked back on (a report row, a mistake-book entry): its prompt,
 * the options a choice question offered ("Your answer: Option B" means nothing without them), and
 * for a practice question the connection as it was asked, on request (the prompt refers to it).
 * `highlight` lights the event a spot-the-error answer chose.
 */
export function QuestionRecap({ question, highlight }: { question: RevisionQuestion; highlight: number | null }) {
  const t = useTranslations('revise.recap');
  const itemPrompt = useItemPrompt();
  const trackPrompt = useTrackPrompt();
  const answerText = useAnswerText();
  // A spot-the-error question's choices are the diagram's segments: the diagram shows them.
  const offered = 'options' in question.item ? question.item.options.length : 0;
  const options = Array.from({ length: offered }, (_, option) => answerText(question, { option }));
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  return (
    <>
      <p>{t('question', { prompt: question.source === 'quiz' ? itemPrompt(question.item) : trackPrompt(question.item) })}</p>
      {options.length > 0 && (
        <ul className="list-none space-y-0.5 pl-3" data-testid="recap-options">
          {options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
      {question.source === 'quiz' && (
        // On a phone the diagram gets the card's whole width (the drawing needs 312 px; a framed
        // box inside the card left it 306 and cut off B's states).
        <details className="max-sm:-mx-2 rounded-md border border-border p-2 max-sm:border-x-0">
          <summary className="cursor-pointer text-accent">{t('showDiagram')}</summary>
          <div className="mt-2">
            <CardDiagram item={question.item} id={`${id}-d`} highlight={highlight} />
          </div>
        </details>
      )}
    </>
  );
}
