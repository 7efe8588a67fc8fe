import { searchAnswer, type FilterCounts, type SearchAnswer, type SearchHit } from './search-answer.ts';
import type { SearchPlan } from './search-plan.ts';
import { SEARCH_PAGE_SIZE, type SearchState } from './search.ts';

/**
 * The part of Pagefind's search API a search uses. The browser's `pagefind.js` and the same file
 * run by the Node server (src/server/pagefind-node.ts) both offer it, so both rank alike.
 */
export interface PagefindApi {
  search(
    term: string | null,
    options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: Array<{ id: string; data(): Promise<{ url: string; meta: Record<string, string> }> }>; filters: FilterCounts }>;
  filters(): Promise<FilterCounts>;
}

export function hitFromPagefind(data: { url: string; meta: Record<string, string> }): SearchHit {
  const { meta } = data;
  return {
    url: data.url,
    title: meta.title ?? '',
    stars: Number(meta.stars),
    potential: meta.potential === '1',
    producer: meta.producer ?? '',
    place: meta.place ?? '',
    image: meta.image ?? '',
  };
}

/**
 * A planned search done wholly by Pagefind, filters, order and counts included, reading each shown
 * result's fragment: the browser's way when the server cannot answer. At national size its sort and
 * counts take seconds (BENCHMARKS.md), which the server's search does itself (search-entries.ts).
 */
export async function searchPagefind(pagefind: PagefindApi, totals: FilterCounts, state: SearchState, plan: SearchPlan, page: number): Promise<SearchAnswer> {
  const filters = Object.fromEntries(Object.entries(plan.filters).map(([name, values]) => [name, { any: values! }]));
  const search = await pagefind.search(plan.text || null, { filters, sort: plan.sort });
  const from = (page - 1) * SEARCH_PAGE_SIZE;
  const shown = await Promise.all(search.results.slice(from, from + SEARCH_PAGE_SIZE).map((result) => result.data()));
  return searchAnswer({ total: search.results.length, page, hits: shown.map(hitFromPagefind), totals, counts: search.filters }, state, plan);
}
