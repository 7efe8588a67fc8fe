import { readSearchRequest } from './search-request.ts';
import { searchPageFromParams, searchStateFromParams, searchStateToParams } from './search.ts';

/**
 * Which on-demand responses the server keeps and how long browsers and CDNs may: catalogue pages,
 * preview cards and optimised images depend only on the build's content, so they are cached until
 * the server restarts with a new build; so are searches, apart; carts, checkout, orders and the rest
 * of the API never are.
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
  if (/^\/og\/[^/]+\.png$/.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=86400' };
  // Pages ignore their query string; keying by path keeps ?utm=… visits from filling the cache.
  if (CATALOGUE_PAGES.test(pathname)) return { key: pathname, cacheControl: 'public, max-age=600, stale-while-revalidate=86400' };
  if (SEARCH_PAGES.test(pathname)) {
    return { key: searchKey(pathname, url.searchParams, searchPageFromParams(url.searchParams)), cacheControl: 'public, max-age=300', store: 'search' };
  }
  if (pathname === '/api/search') {
    // Only requests the route accepts: a refused one must reach it and get its reason.
    const request = readSearchRequest(url.searchParams);
    if ('error' in request) return undefined;
    return { key: searchKey(pathname, url.searchParams, request.page, request.locale), cacheControl: 'public, max-age=300', store: 'search' };
  }
  if (PRINT_CARDS.test(pathname)) {
    return { key: `${pathname}${url.searchParams.get('sheet') === 'a4' ? '?sheet=a4' : ''}`, cacheControl: 'public, max-age=3600' };
  }
  return undefined;
}
