// Pure helpers for quiz and sandbox forms: reading what a learner typed before it reaches the engine.

export type NumberInput =
  | { ok: true; value: number }
  | { ok: false; error: 'empty' | 'notWhole' | 'tooLarge' };

export const MAX_SEQ = 0xffff_ffff;
export const MAX_LEN = 0x4000_0000;

/**
 * Reads a non-negative whole number up to `max` (a 32-bit seq or ack by default). Spaces, commas
 * and underscores between digit groups are allowed ("4 294 967 295"). Pure.
 */
export function parseWhole(text: string, max = MAX_SEQ): NumberInput {
  const compact = text.trim().replace(/[\s,_\u00a0\u202f]/g, '');
  if (compact === '') return { ok: false, error: 'empty' };
  if (!/^\d+$/.test(compact)) return { ok: false, error: 'notWhole' };
  const value = Number(compact);
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, error: 'tooLarge' };
  return { ok: true, value };
}

/** A fresh random 32-bit seed, from the browser's crypto when it has one. */
export function freshSeed(): number {
  if (typeof crypto !== 'undefined' && 'getRandomValues' in crypto) return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return Math.floor(Math.random() * 0x1_0000_0000);
}
