import type { Finding } from '../findings';
import { en } from './en';
import { stringify, type Lang } from './format';
import { zh } from './zh';

export { LANGS, type Lang } from './format';

const TABLES = { en, zh } as const;

/** The one-sentence explanation of a finding in the learner's language. Pure. */
export function explainFinding(finding: Finding, lang: Lang): string {
  return TABLES[lang][finding.code](stringify(finding.params), finding);
}
