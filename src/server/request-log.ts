import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { format } from 'node:util';

/**
 * The server's log: one JSON line per request (time, request id, method, path, status, ms, cache)
 * and every console line of the process as JSON too, error lines carrying the id of the request
 * they happened in. Nothing personal beyond what the order store keeps: no client address, no
 * query string (it can carry a checkout session), and order pages' ids (the key to an order) are
 * replaced by ":id".
 */
const requests = new AsyncLocalStorage<{ id: string }>();

/** The id of the request being handled, as sent in X-Request-Id; undefined outside one. */
export const currentRequestId = (): string | undefined => requests.getStore()?.id;

const ORDER_PAGE = /^\/(don-hang|en\/orders)\/[^/]+/;

export function loggedPath(url: string | undefined): string {
  const pathname = (url ?? '/').split(/[?#]/)[0];
  return pathname.replace(ORDER_PAGE, '/$1/:id');
}

export interface RequestLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  /** The on-demand cache's verdict (X-Cache), null where there is none. */
  cache: string | null;
  /** The client went away before the answer was complete. */
  aborted?: true;
}

const line = (level: string, fields: object) => `${JSON.stringify({ time: new Date().toISOString(), level, ...fields })}\n`;

/** Runs `handle` as one logged request: an id in X-Request-Id and in every line it logs, and its line once it ends. */
export function logRequest(request: IncomingMessage, response: ServerResponse, handle: () => void): void {
  const id = randomBytes(8).toString('base64url');
  const started = performance.now();
  response.setHeader('X-Request-Id', id);
  response.once('close', () => {
    const fields: RequestLine = {
      method: request.method ?? 'GET',
      path: loggedPath(request.url),
      // 499, as nginx logs it, for a client that left before any answer.
      status: response.headersSent ? response.statusCode : 499,
      ms: Math.round((performance.now() - started) * 10) / 10,
      cache: (response.getHeader('x-cache') as string | undefined) ?? null,
      ...(!response.writableFinished && { aborted: true as const }),
    };
    process.stdout.write(line('info', { id, ...fields }));
  });
  requests.run({ id }, handle);
}

// eslint-disable-next-line no-control-regex
const COLOURS = /\x1b\[[0-9;]*m/g;

/** Makes console.* write JSON lines (errors and warnings to stderr), with the current request's id. */
export function logConsoleAsJson(): void {
  const levels = { debug: process.stdout, log: process.stdout, info: process.stdout, warn: process.stderr, error: process.stderr } as const;
  for (const [method, stream] of Object.entries(levels)) {
    console[method as keyof typeof levels] = (...args: unknown[]) => {
      const id = currentRequestId();
      stream.write(line(method === 'log' ? 'info' : method, { ...(id && { id }), msg: format(...args).replace(COLOURS, '') }));
    };
  }
}
