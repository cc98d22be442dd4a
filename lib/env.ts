// The server's configuration, read from the environment and validated once. Nothing here runs at
// import time: the first call to getEnv() parses, later calls return the same object.
import { z } from 'zod';

const optional = (schema: z.ZodString) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const EnvSchema = z.object({
  /** postgres://... selects PostgreSQL; unset keeps SQLite in DATA_DIR. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (unset it for SQLite)')),
  /** Where the SQLite file and the generated auth secret live. */
  DATA_DIR: z.string().min(1).default('data'),
  /** Signs session cookies. Set it in production; a fresh install generates one under DATA_DIR. */
  BETTER_AUTH_SECRET: optional(z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters')),
  /** The public origin (https://quiz.example.edu), for links and trusted origins. */
  BETTER_AUTH_URL: optional(z.string().url()),
  /** Who may sign up as an instructor. Unset: the first account on the install becomes one. */
  INSTRUCTOR_CODE: optional(z.string().min(6, 'INSTRUCTOR_CODE must be at least 6 characters')),
  /** Sign-in (and sign-up) attempts per client address per 60 s: a class behind one school address needs room. */
  SIGN_IN_LIMIT: z.coerce.number().int().positive().default(30),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses a configuration source (process.env in production, a plain object in tests). Pure. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(`Invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

let cached: Env | null = null;

/** The process's configuration, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed configuration, so the next getEnv() reads the environment again (tests). */
export function resetEnv(): void {
  cached = null;
}
