// Route handler helpers: every JSON endpoint parses its input with zod here and answers errors as
// data ({ code, message, errors }), so bad input is a 4xx with a reason, never a 500. The code is
// what the browser words in the reader's language; the message is English, for API clients.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { CLASSROOM_ERRORS, ClassroomError, type ErrorCode } from '@/lib/classroom/errors';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  errors?: Record<string, string[]>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly errors?: Record<string, string[]>,
    message: string = CLASSROOM_ERRORS[code],
  ) {
    super(message);
  }
}

/** Next.js gzips every response it can; compression's own threshold, under which it does not pay. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A small body (an answer's reply, a health check) is marked no-transform, which Next.js's
 * compression honours: gzipping a few bytes saves nothing, and under a class's answers it took 6%
 * of the server's time (a CPU profile of the bench's answer round). Next.js drops a
 * Content-Length header, so the size threshold cannot see the body: no-transform is the way left.
 */
export function json<T>(body: T, status = 200): NextResponse<T> {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  return new NextResponse(text, {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': small ? 'no-store, no-transform' : 'no-store' },
  }) as NextResponse<T>;
}

export function errorResponse(status: number, code: ErrorCode, message: string = CLASSROOM_ERRORS[code], errors?: Record<string, string[]>): NextResponse<ErrorBody> {
  return json(errors ? { code, message, errors } : { code, message }, status);
}

/** Field path -> messages, for a form to show beside each field. */
function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalidInput', fieldErrors(result.error), `Invalid ${what}`);
  return result.data;
}

/** The largest request body a route reads. */
const MAX_BODY_BYTES = 64 * 1024;

/** A request body's text as JSON: 413 past `maxBytes`, 400 when it does not parse. */
export function parseJsonBody(text: string, maxBytes = MAX_BODY_BYTES): unknown {
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, 'tooLarge');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'notJson');
  }
}

/** The request's JSON body, checked against the schema; 400 for anything else (not JSON, too big, wrong shape). */
export async function readBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.infer<S>> {
  return parseWith(schema, parseJsonBody(await request.text(), maxBytes), 'request body');
}

/**
 * Wraps a handler: an HttpError becomes its status and message; anything else is logged (without
 * the request body, which may hold a password) and answered 500 with no details.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof HttpError) return errorResponse(e.status, e.code, e.message, e.errors);
      if (e instanceof ClassroomError) return errorResponse(e.status, e.code, e.message);
      console.error('route failed:', e instanceof Error ? e.message : String(e));
      return errorResponse(500, 'serverError');
    }
  };
}
