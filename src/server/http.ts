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

/**
 * An API route's answer to a method it does not take (export it as ALL): 405 with Allow, where
 * Astro would answer 404 as if the route did not exist. GET brings HEAD.
 */
export function methodNotAllowed(...methods: string[]): () => Response {
  const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  return () => json({ error: 'method-not-allowed' }, 405, { Allow: allow.join(', ') });
}

export class BodyTooLargeError extends Error {}
/** The client hung up before its body arrived: a normal disconnect, not a server error. */
export class ClientGoneError extends Error {}

/** Reads the body's bytes, giving up as soon as they pass the limit (Content-Length can lie). */
export async function readBytesWithin(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // The body stream fails only when the connection does.
    const { done, value } = await reader.read().catch(() => {
      throw new ClientGoneError();
    });
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

/** The body as text, or the answer when it is bigger than the route accepts (413) or never came (the client is gone). */
export async function readBodyWithin(request: Request, limit: number): Promise<{ text: string } | { response: Response }> {
  try {
    return { text: await readTextWithin(request, limit) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: json({ error: 'body-too-large' }, 413) };
    if (error instanceof ClientGoneError) return { response: json({ error: 'client-disconnected' }, 400) };
    throw error;
  }
}

