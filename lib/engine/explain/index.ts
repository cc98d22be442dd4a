import type { Finding } from '../findings';
import { en } from './en';
import { stringify, type Lang } from './format';
import { hintsEn } from './hints-en';
import { hintsZh } from './hints-zh';
import { zh } from './zh';

export { LANGS, type Lang } from './format';

const TABLES = { en, zh } as const;
const HINTS = { en: hintsEn, zh: hintsZh } as const;

/** The one-sentence explanation of a finding in the learner's language. Pure. */
export function explainFinding(finding: Finding, lang: Lang): string {
  return TABLES[lang][finding.code](stringify(finding.params), finding);
}

/** A hint for a first wrong try: the rule the finding names, without the numbers. Pure. */
export function hintFinding(finding: Finding, lang: Lang): string {
  return HINTS[lang][finding.code](stringify(finding.params), finding);
}
