import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedApiMethods, apiMethodTableFromEnv, type ApiMethodTable } from '@/lib/http/api-methods';

const table: ApiMethodTable = {
  'api/classes': ['GET', 'POST'],
  'api/classes/[id]': ['GET'],
  'api/classes/join': ['POST'],
  'api/classes/[id]/students/[studentId]': ['DELETE'],
  'api/auth/[...all]': ['GET', 'POST'],
};
const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const at = (path: string) => allowedApiMethods(table, path.split('/').filter(Boolean));

describe('allowedApiMethods', () => {
  it('lists what Next.js answers OPTIONS with: the exports, HEAD beside GET, OPTIONS; sorted', () => {
    expect(at('/api/classes')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(at('/api/classes/join')).toEqual(['OPTIONS', 'POST']);
    expect(at('/api/classes/abc/students/def')).toEqual(['DELETE', 'OPTIONS']);
  });

  it('routes as Next.js does: a static segment wins over a [param] it also matches', () => {
    expect(at('/api/classes/join')).toEqual(['OPTIONS', 'POST']);
    expect(at('/api/classes/joins')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('a [...rest] takes one or more segments, never none', () => {
    expect(at('/api/auth/sign-in/email')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(at('/api/auth/x')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(at('/api/auth')).toBeNull();
  });

  it('no route, no answer: Next.js says 404', () => {
    expect(at('/api/nothing')).toBeNull();
    expect(at('/api/classes/a/b')).toBeNull();
    expect(at('/api')).toBeNull();
  });

  it('any values in the dynamic segments reach their route; one segment more reaches none', () => {
    fc.assert(
      fc.property(fc.constantFrom('api/classes/[id]', 'api/classes/[id]/students/[studentId]'), fc.array(segment, { minLength: 5, maxLength: 5 }), segment, (route, values, extra) => {
        const segments = route.split('/').map((part, i) => (part.startsWith('[') ? (values[i] as string) : part));
        fc.pre(segments[2] !== 'join');
        const methods = [...(table[route] as string[]), 'OPTIONS', ...(table[route]?.includes('GET') ? ['HEAD'] : [])].sort();
        expect(allowedApiMethods(table, segments)).toEqual(methods);
        expect(allowedApiMethods(table, [...segments, extra])).toBeNull();
      }),
    );
  });
});

describe('apiMethodTableFromEnv', () => {
  it('reads the JSON next.config.js writes, and ignores what is not', () => {
    expect(apiMethodTableFromEnv('{"api/x":["GET",1]}')).toEqual({ 'api/x': ['GET'] });
    expect(apiMethodTableFromEnv('{')).toEqual({});
    expect(apiMethodTableFromEnv('[]')).toEqual({});
    expect(apiMethodTableFromEnv(undefined)).toEqual({});
  });
});
