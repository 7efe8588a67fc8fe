import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Only the APIs take writes (the site's /api/ and the office workspace's /quan-ly/api/), and the
 * producer's form pages (/cap-nhat/…, /en/update/…), which answer their own form without script:
 * built files, other pages and images answer GET and HEAD, and anything else
 * gets 405 with Allow before a file is read or a page rendered. The API's routes each say what
 * they take (src/server/http.ts, methodNotAllowed).
 */
export const READ_METHODS = ['GET', 'HEAD'] as const;

const takesWrites = (url: string | undefined) => /^\/((quan-ly\/)?api(\/|\?|$)|(cap-nhat|en\/update)\/)/.test(url ?? '/');

/** True when the request was answered 405 here. */
export function refuseWriteOutsideApi(request: IncomingMessage, response: ServerResponse): boolean {
  if ((READ_METHODS as readonly string[]).includes(request.method ?? 'GET') || takesWrites(request.url)) return false;
  response.writeHead(405, { Allow: READ_METHODS.join(', '), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify({ error: 'method-not-allowed' }));
  return true;
}
