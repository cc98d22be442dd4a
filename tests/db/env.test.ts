import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('defaults to SQLite under data/ with no secret or instructor code', () => {
    expect(parseEnv({})).toEqual({ DATA_DIR: 'data', SIGN_IN_LIMIT: 30 });
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', BETTER_AUTH_SECRET: '' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts a PostgreSQL URL and a long secret', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/x', BETTER_AUTH_SECRET: 'x'.repeat(32), SIGN_IN_LIMIT: '3' });
    expect(env).toMatchObject({ DATABASE_URL: 'postgres://u:p@db:5432/x', SIGN_IN_LIMIT: 3 });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ BETTER_AUTH_SECRET: 'short' }, /BETTER_AUTH_SECRET/],
    [{ INSTRUCTOR_CODE: 'abc' }, /INSTRUCTOR_CODE/],
    [{ SIGN_IN_LIMIT: '0' }, /SIGN_IN_LIMIT/],
  ])('refuses %j with a message naming the setting', (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
