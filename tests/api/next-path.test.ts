import { describe, expect, it } from 'vitest';
import { safeNext } from '@/app/_server/next-path';

describe('safeNext', () => {
  it.each(['/classes', '/classes/abc?tab=roster', '/learn/handshake'])('keeps the site path %s', (p) => expect(safeNext(p)).toBe(p));
  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, '/a b'])('refuses %s', (p) =>
    expect(safeNext(p)).toBe('/classes'),
  );
  it('takes the first of repeated values', () => expect(safeNext(['/a', '/b'])).toBe('/a'));
});
