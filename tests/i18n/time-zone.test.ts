// The reader's time zone comes from a cookie anyone can write: only a zone Intl knows is used.
import { describe, expect, it } from 'vitest';
import { validTimeZone } from '@/lib/i18n/time-zone';

describe('validTimeZone', () => {
  it('keeps an IANA zone as the browser spelled it', () => {
    expect(validTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(validTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(validTimeZone('UTC')).toBe('UTC');
  });

  it('refuses what is no zone, without throwing', () => {
    for (const bad of [undefined, '', 'Mars/Olympus', 'Asia/Shanghai; path=/', '../../etc/passwd', 'x'.repeat(65), '<script>', 'Europe/Paris\n']) {
      expect(validTimeZone(bad), String(bad)).toBeNull();
    }
  });
});
