// Pure helpers for quiz and sandbox forms: reading what a learner typed before it reaches the engine.

export type NumberInput =
  | { ok: true; value: number }
  | { ok: false; error: 'empty' | 'notWhole' | 'tooLarge' };

export const MAX_SEQ = 0xffff_ffff;
export const MAX_LEN = 0x4000_0000;

/**
 * Reads a non-negative whole number up to `max` (a 32-bit seq or ack by default). Spaces, commas
 * and underscores between digit groups are allowed ("4 294 967 295"), and full-width digits and
 * separators as a Chinese or Japanese IME types them ("８１０１", "４，２９４"). Pure.
 */
export function parseWhole(text: string, max = MAX_SEQ): NumberInput {
  // NFKC maps full-width forms (U+FF10-FF19 digits, U+FF0C comma, U+3000 space) to ASCII.
  const compact = text.normalize('NFKC').trim().replace(/[\s,_\u00a0\u202f\u3001]/g, '');
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
