import { searchAnswer, type FilterCounts, type SearchAnswer, type SearchHit } from './search-answer.ts';
import type { SearchPlan } from './search-plan.ts';
import { SEARCH_PAGE_SIZE, type SearchFilter, type SearchState } from './search.ts';

/**
 * The server's search after Pagefind has ranked the words: filters, order and counts over the
 * products it found, done here. Pagefind's own take seconds at national size (its sort compares
 * every result with every page, its counts go over every filter value), and its filter data would
 * make every later search pay for the counts.
 */
export interface SearchEntry {
  hit: SearchHit;
  filters: Partial<Record<SearchFilter, string[]>>;
  /** The same keys as the index's (searchSortKeys): strings that order as they compare. */
  sort: Record<string, string>;
}

/** How many of the entries hold each filter value. */
export function countFilters(entries: readonly SearchEntry[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const entry of entries) {
    for (const [name, values] of Object.entries(entry.filters)) {
      const forName = (counts[name] ??= {});
      for (const value of values ?? []) forName[value] = (forName[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** Whether an entry holds one of the chosen values of every chosen filter. */
const matches = (entry: SearchEntry, chosen: Array<[string, string[]]>) =>
  chosen.every(([name, values]) => entry.filters[name as SearchFilter]?.some((value) => values.includes(value)));

/**
 * One page of the entries that match the plan's filters, in its order (a stable sort, so equal keys
 * keep the order they came in: Pagefind's ranking, or the catalogue's), with counts among them.
 */
export function searchEntries(found: readonly SearchEntry[], totals: FilterCounts, state: SearchState, plan: SearchPlan, page: number): SearchAnswer {
  const chosen = Object.entries(plan.filters).filter((pair): pair is [string, string[]] => Boolean(pair[1]?.length));
  const kept = chosen.length ? found.filter((entry) => matches(entry, chosen)) : [...found];
  const [key, direction] = Object.entries(plan.sort ?? {})[0] ?? [];
  if (key) {
    const sign = direction === 'desc' ? -1 : 1;
    kept.sort((a, b) => sign * ((a.sort[key] ?? '') < (b.sort[key] ?? '') ? -1 : (a.sort[key] ?? '') > (b.sort[key] ?? '') ? 1 : 0));
  }
  const from = (page - 1) * SEARCH_PAGE_SIZE;
  const hits = kept.slice(from, from + SEARCH_PAGE_SIZE).map((entry) => entry.hit);
  return searchAnswer({ total: kept.length, page, hits, totals, counts: countFilters(kept) }, state, plan);
}
