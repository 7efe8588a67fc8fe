import { readSearchRequest } from './search-request.ts';
import { searchPageFromParams, searchStateFromParams, searchStateToParams } from './search.ts';

/**
 * Which on-demand responses the server keeps and how long browsers and CDNs may. The server keeps
 * catalogue pages, preview cards and optimised images for the life of its worker, which ends when a
 * publish swaps in a new release, so its own copy is never stale. Shared caches in front (nginx,
 * a CDN) may keep a page 15 s, browsers must ask again: an office's edit is live within its two
 * minutes everywhere, and a burst of visitors still costs the server one render per 15 s.
 * Searches are kept too, apart (they depend on the release's content alone). Carts, checkout,
 * orders, the workspace and the rest of the API are never kept.
 */
const CATALOGUE_PAGES = /^\/(en\/)?(san-pham|products|chu-the|producers|tinh|provinces|huyen|districts|nhom|groups|hang-sao|stars)\//;

/** Printable product cards (/in/<slug>/, /en/print/<slug>/): an A6 card, or ?sheet=a4 labels. */
const PRINT_CARDS = /^\/(in|en\/print)\/[^/]+\/?$/;

export interface CachePolicy {
  /** The key the response is kept under; undefined when it must not be kept. */
  key: string;
  /** The Cache-Control header it is served with. */
  cacheControl: string;
  /** Searches are kept apart, in a smaller cache: random queries must not push pages out nor fill memory. */
  store?: 'search';
}

const SEARCH_PAGES = /^\/(tim-kiem|en\/search)\/?$/;
export const SEARCH_CACHE_CONTROL = 'public, max-age=0, s-maxage=15';

/** One key per search, whatever the order of its parameters; parameters a search ignores are left out. */
function searchKey(pathname: string, params: URLSearchParams, page: number, locale?: string): string {
  const normal = searchStateToParams(searchStateFromParams(params));
  if (locale) normal.set('locale', locale);
  if (page > 1) normal.set('page', String(page));
  return `${pathname.replace(/\/?$/, '/')}?${normal}`;
}

export function cachePolicy(url: URL): CachePolicy | undefined {
  const { pathname, search } = url;
  // Optimised images are addressed by their source's hash and the transform: never change.
  if (pathname === '/_image') return { key: `${pathname}${search}`, cacheControl: 'public, max-age=31536000, immutable' };
  // Preview cards: link previews (Facebook, Zalo) keep their own copy whatever this says.
  if (/^\/og\/[^/]+\.png$/.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=600, s-maxage=60' };
  // Pages ignore their query string; keying by path keeps ?utm=… visits from filling the cache.
  if (CATALOGUE_PAGES.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=0, s-maxage=15' };
  // Searches as catalogue pages: their answers change only with a publish.
  if (SEARCH_PAGES.test(pathname)) {
    return { key: searchKey(pathname, url.searchParams, searchPageFromParams(url.searchParams)), cacheControl: SEARCH_CACHE_CONTROL, store: 'search' };
  }
  if (pathname === '/api/search') {
    // Only requests the route accepts: a refused one must reach it and get its reason.
    const request = readSearchRequest(url.searchParams);
    if ('error' in request) return undefined;
    return { key: searchKey(pathname, url.searchParams, request.page, request.locale), cacheControl: SEARCH_CACHE_CONTROL, store: 'search' };
  }
  if (PRINT_CARDS.test(pathname)) {
    return { key: `${pathname}${url.searchParams.get('sheet') === 'a4' ? '?sheet=a4' : ''}`, cacheControl: 'public, max-age=60, s-maxage=15' };
  }
  return undefined;
}
