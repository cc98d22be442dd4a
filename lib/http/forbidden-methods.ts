// TRACE and TRACK cannot become a fetch Request (the Fetch standard forbids them), so Next.js
// fails with a 500 and a stack trace before the proxy ever sees them. This answers them with a
// 405 at the Node HTTP server, ahead of Next.js. Node-only: loaded from instrumentation.ts.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { PAGE_METHODS } from './request-guard';
import { securityHeaders } from './security-headers';

const FORBIDDEN = new Set(['TRACE', 'TRACK']);

let installed = false;

/** Makes every HTTP server in this process refuse TRACE and TRACK with 405 (idempotent). */
export function refuseForbiddenMethods(options: { hsts: boolean }): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (FORBIDDEN.has(request.method ?? '')) {
        response.writeHead(405, {
          ...securityHeaders({ hsts: options.hsts, dev: false }),
          Allow: PAGE_METHODS.join(', '),
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        response.end('Method not allowed\n');
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
