// Small helpers the message tables share: numbers written as the formula that produced them.
import type { Finding, FindingParams } from '../findings';
import type { Flag } from '../types';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A message for one finding code; `p` holds the numbers, `f` the whole finding. */
export type Message = (p: Record<string, string>, f: Finding) => string;

const MOD = 0x1_0000_0000;

/** "a + b = r", marking a wrap past 2^32 so an expert sees why the result is small. */
export function sum(a: string | number | undefined, b: string | number | undefined, wrapNote: string): string {
  const x = Number(a ?? 0);
  const y = Number(b ?? 0);
  const r = (x + y) % MOD;
  return `${x} + ${y} = ${r}${x + y >= MOD ? ` ${wrapNote}` : ''}`;
}

export function flagList(v: unknown): string {
  if (!Array.isArray(v)) return String(v);
  return v.length === 0 ? '—' : (v as Flag[]).join(',');
}

export function stringify(params: FindingParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = String(v);
  return out;
}
