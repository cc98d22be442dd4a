import path from 'node:path';
import type { z } from 'zod';

/** A content problem, reported as `file:line: message` so an author can jump straight to it. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${displayPath(file)}${line === null ? '' : `:${line}`}: ${detail}`);
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Zod issues as one readable line each: `objectives.1: expected string, received number`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
