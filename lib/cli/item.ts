// `trace item SPEC [--lang zh]`: the practice item a share-link spec rebuilds, as the learner
// gets it (the trace without checkpoints, the event asked, the options), with its question worded
// by the same messages as the app (content/ui/<lang>.json, quiz.prompts).
import { readFile } from 'node:fs/promises';
import type { Lang, QuestionField, SegmentAnswer, StatePair, Trace } from '../engine/index';
import { buildItem, decodeSpec, encodeSpec, promptParts, type QuestionKind } from '../quiz/index';
import { QuestionInputError } from './question-args';

export interface ItemOutput {
  spec: string;
  kind: QuestionKind;
  field: QuestionField | null;
  prompt: string;
  trace: Trace;
  event: number;
  shown: number;
  options: SegmentAnswer[] | StatePair[] | null;
}

interface QuizMessages {
  prompts: Record<string, string>;
  noFlags: string;
}

async function quizMessages(lang: Lang): Promise<QuizMessages> {
  const text = await readFile(new URL(`../../content/ui/${lang}.json`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { quiz: QuizMessages }).quiz;
}

/** Fills {name} placeholders, as next-intl does for these plain messages. */
function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export async function itemCommand(specText: string | undefined, lang: Lang): Promise<ItemOutput> {
  const spec = decodeSpec(specText ?? '');
  if (!spec) throw new QuestionInputError(`${JSON.stringify(specText)} is not a practice spec (KIND.FAMILY.SEED.b|e, such as ack.handshake.42.b)`);
  const item = buildItem(spec);
  const messages = await quizMessages(lang);
  const { key, values } = promptParts(item);
  const field = item.kind === 'multiple_choice' || item.kind === 'state_choice' ? null : (item.question?.field ?? null);
  return {
    spec: encodeSpec(spec),
    kind: item.kind,
    field,
    prompt: format(messages.prompts[key] ?? '', { ...values, flags: values.flags === '(none)' ? messages.noFlags : values.flags }),
    trace: item.trace,
    event: item.event,
    shown: item.shown,
    options: item.options ?? item.stateOptions ?? null,
  };
}
