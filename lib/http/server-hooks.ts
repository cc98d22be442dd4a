// What must hold for every response, set at the Node HTTP server, ahead of Next.js. Node-only:
// loaded from instrumentation.ts.
// - TRACE cannot become a fetch Request (the Fetch standard forbids it), so Next.js fails with a
//   500 and a stack trace before the proxy ever sees it: it gets a 405 here.
// - Some responses never pass through the proxy: Next.js answers a trailing slash (`/en/`), a
//   repeated slash (`//evil.com`) or a dot segment (`/en/learn/%2e`) with its own 308 redirect
//   first. Every response starts with the security headers (without a nonce) for that reason;
//   the proxy's headers, a page's nonced policy among them, replace them where it runs.
// - A request Node cannot parse (headers past its 16 KB limit, a method it does not know, such as TRACK)
//   never becomes a request at all: Node answers it on the socket (431, 400, ...). That answer
//   is made here instead, the same but with the security headers.
// - Route handlers see a fetch Request, which has no peer address: the client's address is put in
//   a header of our own here (lib/http/client-address), replacing any value the client sent, for
//   the sign-in rate limit.
import { Server, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { BlockList, Socket } from 'node:net';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './client-address';
import { PAGE_METHODS } from './request-guard';
import { securityHeaders } from './security-headers';

/** TRACK, the other method the Fetch standard forbids, is one Node's parser already refuses. */
const FORBIDDEN = new Set(['TRACE']);

/** The status Node gives each parse error (node/lib/_http_server.js, socketOnError); else 400. */
const PARSE_ERROR_STATUS: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/** Node's own answer to an unparsable request, with the headers every response carries. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket & { _httpMessage?: ServerResponse | null }, headers: Record<string, string>): void {
  // As Node does: answer only when no response of this socket has started, then close it.
  if (socket.writable && !socket._httpMessage?.headersSent) {
    const status = PARSE_ERROR_STATUS[error.code ?? ''] ?? 400;
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy(error);
}

let installed = false;

/** Hooks every HTTP server in this process as the header comment says (idempotent). */
export function hookHttpServers(options: { hsts: boolean; trustedProxies: BlockList | null }): void {
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
      delete request.headers[CLIENT_ADDRESS_HEADER];
      const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], options.trustedProxies);
      if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
    }
    // Only where nobody else listens: emit's false is what makes Node answer it itself.
    if (event === 'clientError' && this.listenerCount('clientError') === 0) {
      answerClientError(args[0] as NodeJS.ErrnoException, args[1] as Socket, baseline);
      return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
