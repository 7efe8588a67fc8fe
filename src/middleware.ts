import { defineMiddleware, sequence } from 'astro:middleware';
import { cachePolicy } from './lib/cache-policy.ts';
import { LruCache } from './lib/lru-cache.ts';
import { chooseEncoding, compress, isCompressibleType, MIN_COMPRESS_BYTES, type Encoding } from './server/compression.ts';
import { withFrameAncestors } from './server/csp.ts';
import { refuseUnknownImage } from './server/image-variants.ts';

interface Cached {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  /** The body brotli- and gzip-compressed, made on the first request that asks for each. */
  encoded: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/**
 * 128 MB holds some 4,000 product pages; the rest are rendered again on their next visit (~5 ms).
 * The compressed copies add about a third of the body (brotli and gzip each ~15%).
 */
const sizeOf = (entry: Cached) => Math.ceil(entry.body.byteLength * 1.33) + 512;
const cache = new LruCache<Cached>(128 * 2 ** 20, sizeOf);
/** Searches apart: 16 MB holds some 300 result pages or 2,000 API answers, whatever visitors type. */
const searchCache = new LruCache<Cached>(16 * 2 ** 20, sizeOf);

/** A response of `body`, compressed when the client accepts it and the type gains from it. */
function respond(entry: Cached, encoding: Encoding | undefined, init: { status?: number; statusText?: string; extra?: [string, string][] } = {}): Response {
  const headers = new Headers([...entry.headers, ...(init.extra ?? [])]);
  let body = entry.body;
  if (isCompressibleType(headers.get('Content-Type'))) {
    headers.append('Vary', 'Accept-Encoding');
    if (encoding && body.byteLength >= MIN_COMPRESS_BYTES) {
      body = entry.encoded[encoding] ??= new Uint8Array(compress(entry.body, encoding));
      headers.set('Content-Encoding', encoding);
      headers.set('Content-Length', String(body.byteLength));
    }
  }
  return new Response(body, { status: init.status, statusText: init.statusText, headers });
}

const toEntry = async (response: Response, headers = new Headers(response.headers)): Promise<Cached> => ({
  body: new Uint8Array(await response.arrayBuffer()),
  headers: [...headers],
  encoded: {},
});

/**
 * Catalogue pages, preview cards and images are rendered on demand (prerendering 80,000 pages made
 * a national build take half an hour) and kept here, so each is rendered once per server process.
 * Everything rendered on demand leaves compressed for clients that accept it (built files are
 * compressed by scripts/serve.ts); prerendering at build time has no client, so nothing happens then.
 * HEAD is answered from the same cache as GET. Only the image variants pages emit are rendered.
 */
const pageCache = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  if (context.url.pathname === '/_image') {
    const refused = await refuseUnknownImage(context.url);
    if (refused) return refused;
  }
  const encoding = chooseEncoding(context.request.headers.get('Accept-Encoding'));
  const policy = ['GET', 'HEAD'].includes(context.request.method) ? cachePolicy(context.url) : undefined;
  const store = policy?.store === 'search' ? searchCache : cache;
  if (policy) {
    const hit = store.get(policy.key);
    if (hit) return respond(hit, encoding, { extra: [['X-Cache', 'hit']] });
  }
  const response = await next();
  // A body refused as too big was not read to its end: the connection cannot carry another request.
  if (response.status === 413) response.headers.set('Connection', 'close');
  // Astro's policy header replaces the server's frame-ancestors one: it must say it too.
  const csp = response.headers.get('Content-Security-Policy');
  if (csp !== null) response.headers.set('Content-Security-Policy', withFrameAncestors(csp));
  // Streams the server did not make whole (and bodies already encoded) pass as they are.
  if (!response.body || response.headers.has('Content-Encoding')) return response;
  if (!policy || response.status !== 200) {
    if (!isCompressibleType(response.headers.get('Content-Type'))) return response;
    return respond(await toEntry(response), encoding, { status: response.status, statusText: response.statusText });
  }
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', policy.cacheControl);
  const entry = await toEntry(response, headers);
  store.set(policy.key, entry);
  return respond(entry, encoding, { extra: [['X-Cache', 'miss']] });
});

/**
 * The office workspace's door (sessions, origin), loaded only when a workspace address is asked
 * for, so public pages never load the workspace's code.
 */
const workspaceDoor = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || !/^\/quan-ly(\/|$)/.test(context.url.pathname)) return next();
  const { guardWorkspace } = await import('./server/office/guard.ts');
  return guardWorkspace(context, next);
});

export const onRequest = sequence(workspaceDoor, pageCache);
