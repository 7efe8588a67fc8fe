/**
 * Which on-demand responses the server keeps and how long browsers and CDNs may: catalogue pages,
 * preview cards and optimised images depend only on the build's content, so they are cached until
 * the server restarts with a new build; carts, checkout, orders and the API never are.
 */
const CATALOGUE_PAGES = /^\/(en\/)?(san-pham|products|chu-the|producers|tinh|provinces|huyen|districts|nhom|groups|hang-sao|stars)\//;

/** Printable product cards (/in/<slug>/, /en/print/<slug>/): an A6 card, or ?sheet=a4 labels. */
const PRINT_CARDS = /^\/(in|en\/print)\/[^/]+\/?$/;

export interface CachePolicy {
  /** The key the response is kept under; undefined when it must not be kept. */
  key: string;
  /** The Cache-Control header it is served with. */
  cacheControl: string;
}

export function cachePolicy(url: URL): CachePolicy | undefined {
  const { pathname, search } = url;
  // Optimised images are addressed by their source's hash and the transform: never change.
  if (pathname === '/_image') return { key: `${pathname}${search}`, cacheControl: 'public, max-age=31536000, immutable' };
  if (/^\/og\/[^/]+\.png$/.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=86400' };
  // Pages ignore their query string; keying by path keeps ?utm=… visits from filling the cache.
  if (CATALOGUE_PAGES.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=600, stale-while-revalidate=86400' };
  if (PRINT_CARDS.test(pathname)) {
    return { key: `${pathname}${url.searchParams.get('sheet') === 'a4' ? '?sheet=a4' : ''}`, cacheControl: 'public, max-age=3600' };
  }
  return undefined;
}
