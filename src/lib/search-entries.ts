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
  /** Where each sort key puts the product in the catalogue, equal keys equal (rankEntries). */
  rank: Record<string, number>;
}

/**
 * The entries with their ranks by each sort key, found once: a search then orders its results by
 * numbers, not by comparing strings (an order of 12,000 results took ~100 ms by the strings).
 */
export function rankEntries(entries: ReadonlyArray<Omit<SearchEntry, 'rank'>>): SearchEntry[] {
  const ranked: SearchEntry[] = entries.map((entry) => ({ ...entry, rank: {} }));
  for (const key of new Set(entries.flatMap((entry) => Object.keys(entry.sort)))) {
    const ordered = ranked.map((entry) => ({ entry, value: entry.sort[key] ?? '' })).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    ordered.forEach((one, position) => {
      const previous = ordered[position - 1];
      one.entry.rank[key] = previous?.value === one.value ? previous.entry.rank[key] : position;
    });
  }
  return ranked;
}

/** How many of the entries hold each filter value. */
export function countFilters(entries: readonly SearchEntry[]): FilterCounts {
  // Maps while counting: objects with hundreds of keys (districts) are slow to update.
  const counts = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    for (const name in entry.filters) {
      let forName = counts.get(name);
      if (!forName) counts.set(name, (forName = new Map()));
      for (const value of entry.filters[name as SearchFilter] ?? []) forName.set(value, (forName.get(value) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...counts].map(([name, values]) => [name, Object.fromEntries(values)]));
}

/** Whether an entry holds one of the chosen values of every chosen filter. */
const matches = (entry: SearchEntry, chosen: Array<[string, string[]]>) =>
  chosen.every(([name, values]) => entry.filters[name as SearchFilter]?.some((value) => values.includes(value)));

/** The entries by one sort key, equal keys in the order they came. */
function sortedBy(entries: readonly SearchEntry[], key: string, sign: 1 | -1): SearchEntry[] {
  const keyed = entries.map((entry, index) => ({ entry, index, rank: entry.rank[key] ?? 0 }));
  keyed.sort((a, b) => sign * (a.rank - b.rank) || a.index - b.index);
  return keyed.map((one) => one.entry);
}

/**
 * One page of the entries that match the plan's filters, in its order (a stable sort, so equal keys
 * keep the order they came in: Pagefind's ranking, or the catalogue's), with counts among them.
 */
export function searchEntries(found: readonly SearchEntry[], totals: FilterCounts, state: SearchState, plan: SearchPlan, page: number): SearchAnswer {
  const chosen = Object.entries(plan.filters).filter((pair): pair is [string, string[]] => Boolean(pair[1]?.length));
  const kept = chosen.length ? found.filter((entry) => matches(entry, chosen)) : found;
  const [key, direction] = Object.entries(plan.sort ?? {})[0] ?? [];
  const ordered = key ? sortedBy(kept, key, direction === 'desc' ? -1 : 1) : kept;
  const from = (page - 1) * SEARCH_PAGE_SIZE;
  const hits = ordered.slice(from, from + SEARCH_PAGE_SIZE).map((entry) => entry.hit);
  return searchAnswer({ total: ordered.length, page, hits, totals, counts: countFilters(ordered) }, state, plan);
}
