'use client';
// JSON calls to our own API from the browser: an error response becomes an ApiError carrying the
// server's code (worded in the reader's language by useErrorText) and its English message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string; errors?: Record<string, string[]> };
  if (!response.ok) throw new ApiError(response.status, data.code ?? null, data.message ?? response.statusText, data.errors);
  return data;
}
