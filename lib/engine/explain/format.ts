// Small helpers the message tables share: numbers written as the formula that produced them.
import type { FindingCode, FindingOf, FindingParamsByCode } from '../findings';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A finding's params as the messages read them: the same names, each value written out. */
export type Words<P> = { [K in keyof P]: string };

/** A message for one finding code; `p` holds its numbers as words, `f` the whole finding. */
export type Message<C extends FindingCode> = (p: Words<FindingParamsByCode[C]>, f: FindingOf<C>) => string;

/** One message per code, each typed by its own code's params. */
export type MessageTable = { [C in FindingCode]: Message<C> };

const MOD = 0x1_0000_0000;

/** "a + b = r", marking a wrap past 2^32 so an expert sees why the result is small. */
export function sum(a: string | number | undefined, b: string | number | undefined, wrapNote: string): string {
  const x = Number(a ?? 0);
  const y = Number(b ?? 0);
  const r = (x + y) % MOD;
  return `${x} + ${y} = ${r}${x + y >= MOD ? ` ${wrapNote}` : ''}`;
}

export function stringify<P extends object>(params: P): Words<P> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = String(v);
  return out as Words<P>;
}
