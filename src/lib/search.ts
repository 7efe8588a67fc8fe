import { foldVietnamese } from './text.ts';

/**
 * Search state shared by the search page and its URL, so a buyer can share a search. Filters are
 * Pagefind filter names; values are the labels shown (they are per-locale, like the index).
 */
export const SEARCH_FILTERS = ['province', 'certifiedProvince', 'district', 'stars', 'group', 'producerKind', 'certificate', 'online', 'wholesale', 'quality'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const SEARCH_SORTS = ['relevance', 'stars', 'name', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Results per page: the first page is in the HTML, "more" fetches the next. */
export const SEARCH_PAGE_SIZE = 24;

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: SearchSort;
}

const isFilter = (name: string): name is SearchFilter => (SEARCH_FILTERS as readonly string[]).includes(name);
const isSort = (name: string | null): name is SearchSort => (SEARCH_SORTS as readonly string[]).includes(name ?? '');

/** One way to write a query: composed accents (some keyboards send them decomposed), single spaces. */
export const normalizeQuery = (query: string) => query.normalize('NFC').replace(/\s+/g, ' ').trim();

/** `?q=mam&stars=4+sao&stars=5+sao&sort=stars` → state; unknown parameters are ignored. */
export function searchStateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [name, value] of params) {
    if (isFilter(name) && value) filters[name] = [...new Set([...(filters[name] ?? []), value])];
  }
  const sort = params.get('sort');
  return { query: normalizeQuery(params.get('q') ?? ''), filters, sort: isSort(sort) ? sort : 'relevance' };
}

/** `?page=3` → 3: which page of results a link without JavaScript asks for (1 when none or unreadable). */
export function searchPageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? 1);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** The inverse of searchStateFromParams, in a stable order so equal states give equal URLs. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of SEARCH_FILTERS) for (const value of [...(state.filters[name] ?? [])].sort()) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Pagefind's sort option for a state; relevance is Pagefind's default order. */
export function pagefindSort(sort: SearchSort): Record<string, 'asc' | 'desc'> | undefined {
  return { relevance: undefined, stars: { stars: 'desc' as const }, name: { name: 'asc' as const }, newest: { certified: 'desc' as const } }[sort];
}

/**
 * Every product gets every sort key, or Pagefind drops it from sorted results. A potential
 * five-star product sorts between 4 and 5 stars.
 */
export function searchSortKeys(product: { name: string; stars: number; potentialFiveStar: boolean; certifiedOn: string }) {
  return {
    stars: (product.stars + (product.potentialFiveStar ? 0.5 : 0)).toFixed(1),
    name: foldVietnamese(product.name),
    certified: product.certifiedOn || '0000-00-00',
  };
}
