// What must hold for every response, set at the Node HTTP server, ahead of Next.js. Node-only:
// loaded from instrumentation.ts.
// - TRACE and TRACK cannot become a fetch Request (the Fetch standard forbids them), so Next.js
//   fails with a 500 and a stack trace before the proxy ever sees them: they get a 405 here.
// - Some responses never pass through the proxy: Next.js answers a trailing slash (`/en/`), a
//   repeated slash (`//evil.com`) or a dot segment (`/en/learn/%2e`) with its own 308 redirect
//   first. Every response starts with the security headers (without a nonce) for that reason;
//   the proxy's headers, a page's nonced policy among them, replace them where it runs.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { PAGE_METHODS } from './request-guard';
import { securityHeaders } from './security-headers';

const FORBIDDEN = new Set(['TRACE', 'TRACK']);

let installed = false;

/** Hooks every HTTP server in this process as the header comment says (idempotent). */
export function hookHttpServers(options: { hsts: boolean }): void {
  if (installed) return;
  installed = true;
  const baseline = securityHeaders({ hsts: options.hsts, dev: false });
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (FORBIDDEN.has(request.method ?? '')) {
        response.writeHead(405, {
          ...baseline,
          Allow: PAGE_METHODS.join(', '),
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        response.end('Method not allowed\n');
        return true;
      }
      for (const [name, value] of Object.entries(baseline)) response.setHeader(name, value);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
