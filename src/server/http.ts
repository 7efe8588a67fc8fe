import { checkRequestHeaders } from '../lib/commerce/checkout-request.ts';
/** Responses of the server routes: never cached, never sniffed, never framed. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export class BodyTooLargeError extends Error {}

/** Reads the body's bytes, giving up as soon as they pass the limit (Content-Length can lie). */
export async function readBytesWithin(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads the body as text, giving up as soon as it passes the limit. */
export async function readTextWithin(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBytesWithin(request, limit));
}

/** The body as text, or the 413 answer when it is bigger than the route accepts. */
export async function readBodyWithin(request: Request, limit: number): Promise<{ text: string } | { response: Response }> {
  try {
    return { text: await readTextWithin(request, limit) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: json({ error: 'body-too-large' }, 413) };
    throw error;
  }
}

/**
 * The header checks both checkouts share (JSON, a size, an Origin of this site): the refusal to
 * answer, or undefined when the request may go on.
 */
export function refuseBadCheckoutHeaders(request: Request, origin: string): Response | undefined {
  const headers = checkRequestHeaders({
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    origin: request.headers.get('origin'),
    allowedOrigins: [...new Set([origin, new URL(request.url).origin])],
  });
  return headers.ok ? undefined : json({ error: headers.reason }, headers.status);
}
