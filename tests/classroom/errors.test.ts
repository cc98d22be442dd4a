// Every refusal the server can give is worded in both languages (the browser words it by code).
import { describe, expect, it } from 'vitest';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';
import { ERROR_CODES } from '@/lib/classroom/errors';

describe('classroom error codes', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ])('%s words every code', (_lang, ui) => {
    const words = (ui.classes as { errors: Record<string, string> }).errors;
    expect(Object.keys(words).filter((k) => k !== 'network').sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(words[code]?.length).toBeGreaterThan(0);
  });

  it('Chinese wording uses full-width punctuation', () => {
    for (const text of Object.values((zh.classes as { errors: Record<string, string> }).errors)) expect(text).not.toMatch(/[,:;!?]|\.$/);
  });
});
