// Calls the app's route handlers in-process, as Next would, on a fresh database per backend. A
// Client keeps its cookies like a browser, so a test can sign in as several people at once.
import { closeConnection } from '@/lib/db';
import { resetAuth } from '@/lib/auth';
import { resetEnv } from '@/lib/env';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { openFresh, type Backend } from '../db/backends';

const ORIGIN = 'http://localhost:3000';
// Promise<never> accepts every route's params type (parameters are checked contravariantly).
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export interface Reply<T = unknown> {
  status: number;
  statusText: string;
  body: T;
  text: string;
  headers: Headers;
}

export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly ip = '10.0.0.1') {}

  /** Another client holding the same cookies: a stolen or replayed cookie, or a second tab. */
  copy(ip = this.ip): Client {
    const other = new Client(ip);
    other.cookies = new Map(this.cookies);
    return other;
  }

  /** The Cookie header this client sends, for a request built by hand. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call<T = Record<string, unknown>>(handler: Handler, path: string, init: { method?: string; body?: unknown; raw?: string; params?: Record<string, string | string[]>; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    // The address the server hook would put there from the connection (lib/http/client-address).
    const headers = new Headers({ ...init.headers, origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: this.ip });
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.body);
    }
    const request = new Request(ORIGIN + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    const response = await handler(request, { params: Promise.resolve(init.params ?? {}) as Promise<never> });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0/i.test(c) || value.join('=') === '') this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a CSV, an XML file): the text is the body
    }
    return { status: response.status, statusText: response.statusText, body: parsed as T, text, headers: response.headers };
  }
}

/** Points the app at a fresh database on the backend, with extra settings; returns a teardown. */
export async function useFreshApp(backend: Backend, settings: Record<string, string> = {}): Promise<() => Promise<void>> {
  const fresh = await openFresh(backend);
  await fresh.conn.db.destroy();
  const keys = ['DATABASE_URL', 'DATA_DIR', 'INSTRUCTOR_CODE', 'SIGN_IN_LIMIT', ...Object.keys(settings)];
  for (const k of keys) delete process.env[k];
  Object.assign(process.env, fresh.env, settings);
  resetEnv();
  await resetAuth();
  await closeConnection();
  return async () => {
    // Auth first: a session refresh still running would reopen the database being closed.
    await resetAuth();
    await closeConnection();
    await fresh.close().catch(() => undefined);
    for (const k of keys) delete process.env[k];
    resetEnv();
  };
}
