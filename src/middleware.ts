import { defineMiddleware } from 'astro:middleware';
import { cachePolicy } from './lib/cache-policy.ts';
import { LruCache } from './lib/lru-cache.ts';

interface Cached {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

/** 128 MB holds some 4,000 product pages; the rest are rendered again on their next visit (~5 ms). */
const cache = new LruCache<Cached>(128 * 2 ** 20, (entry) => entry.body.byteLength + 512);

/**
 * Catalogue pages, preview cards and images are rendered on demand (prerendering 80,000 pages made
 * a national build take half an hour) and kept here, so each is rendered once per server process.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'GET') return next();
  const policy = cachePolicy(context.url);
  if (!policy) return next();
  const hit = cache.get(policy.key);
  if (hit) return new Response(hit.body, { headers: [...hit.headers, ['X-Cache', 'hit']] });
  const response = await next();
  if (response.status !== 200) return response;
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', policy.cacheControl);
  const entry = { body: new Uint8Array(await response.arrayBuffer()), headers: [...headers] };
  cache.set(policy.key, entry);
  return new Response(entry.body, { headers: [...entry.headers, ['X-Cache', 'miss']] });
});
