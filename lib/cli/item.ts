// `trace item SPEC [--lang zh]`: the practice item a share-link spec rebuilds, as the learner
// gets it (the trace without checkpoints, the event asked, the options), with its question worded
// by the same messages as the app (content/ui/<lang>.json, quiz.prompts).
// Imported, not read from disk at run time: the CLI runs as an esbuild bundle under node_modules/.cache,
// where a path relative to this file no longer points at content/. Named imports, so the bundle
// holds only the quiz messages, not every page's wording (less to parse at each start).
import { quiz as enQuiz } from '../../content/ui/en.json';
import { quiz as zhQuiz } from '../../content/ui/zh.json';
import type { Lang, QuestionField, SegmentAnswer, StatePair, Trace } from '../engine/index';
import { buildItem, decodeSpec, encodeSpec, promptParts, type ItemSpec, type QuestionKind } from '../quiz/index';
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

const MESSAGES: Record<Lang, QuizMessages> = { en: enQuiz, zh: zhQuiz };

/** Fills {name} placeholders, as next-intl does for these plain messages. */
function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The spec's item; a spec that names a question its scenario cannot ask is bad input, not a crash. */
function buildable(spec: ItemSpec) {
  try {
    return buildItem(spec);
  } catch (e) {
    throw new QuestionInputError(`${encodeSpec(spec)} builds no question: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function itemCommand(specText: string | undefined, lang: Lang): Promise<ItemOutput> {
  const spec = decodeSpec(specText ?? '');
  if (!spec) throw new QuestionInputError(`${JSON.stringify(specText)} is not a practice spec (KIND.FAMILY.SEED.b|e, such as ack.handshake.42.b)`);
  const item = buildable(spec);
  const messages = MESSAGES[lang];
  const { key, values } = promptParts(item);
  // A byte count asks no field of a segment: its two numbers are in the prompt.
  const field = item.kind === 'multiple_choice' || item.kind === 'state_choice' || item.kind === 'spot_error' || item.kind === 'bytes' ? null : item.question.field;
  return {
    spec: encodeSpec(spec),
    kind: item.kind,
    field,
    prompt: format(messages.prompts[key] ?? '', { ...values, flags: values.flags || messages.noFlags }),
    trace: item.trace,
    event: item.event,
    shown: item.shown,
    options: item.kind === 'multiple_choice' || item.kind === 'state_choice' ? item.options : null,
  };
}
