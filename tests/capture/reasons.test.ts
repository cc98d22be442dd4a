// Every reason the reader can give has its sentence in the page's languages, naming the same
// numbers as the English the CLI prints: a zh learner never meets an English reason.
import { describe, expect, it } from 'vitest';
import { CAPTURE_REASON_CODES } from '@/lib/capture/errors';
import en from '@/content/ui/en.json';
import zh from '@/content/ui/zh.json';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('capture reasons', () => {
  it.each([
    ['en', en.explore.reasons],
    ['zh', zh.explore.reasons],
  ])('%s words exactly the reader’s reason codes', (_lang, reasons) => {
    expect(Object.keys(reasons).sort()).toEqual([...CAPTURE_REASON_CODES].sort());
  });

  it.each(CAPTURE_REASON_CODES)('%s names the same numbers in en and zh', (code) => {
    const words = (m: Record<string, string>) => m[code] as string;
    expect(placeholders(words(zh.explore.reasons))).toEqual(placeholders(words(en.explore.reasons)));
  });
});
