import type { Finding, FindingCode, FindingOf } from '../findings';
import { en } from './en';
import { stringify, type Lang, type Message, type MessageTable } from './format';
import { hintsEn } from './hints-en';
import { hintsZh } from './hints-zh';
import { zh } from './zh';

export { LANGS, type Lang } from './format';

const TABLES = { en, zh } as const;
const HINTS = { en: hintsEn, zh: hintsZh } as const;

/** Words a finding with its own code's message (each table row is typed by its code). */
function word<C extends FindingCode>(table: MessageTable, finding: FindingOf<C>): string {
  const message: Message<C> = table[finding.code];
  return message(stringify(finding.params), finding);
}

/** The one-sentence explanation of a finding in the learner's language. Pure. */
export function explainFinding(finding: Finding, lang: Lang): string {
  return word(TABLES[lang], finding);
}

/** A hint for a first wrong try: the rule the finding names, without the numbers. Pure. */
export function hintFinding(finding: Finding, lang: Lang): string {
  return word(HINTS[lang], finding);
}
