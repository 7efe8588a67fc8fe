import type { SearchPlan } from './search-plan.ts';
import { SEARCH_FILTERS, type SearchFilter, type SearchState } from './search.ts';

/** Counts per filter value ("stars" → { "4 sao": 12 }), as Pagefind gives them. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One product in the results, with what a result shows: no further request is needed to draw it. */
export interface SearchHit {
  url: string;
  title: string;
  stars: number;
  potential: boolean;
  producer: string;
  place: string;
  image: string;
}

/** A filter as the panel offers it: its values, each with the number of results it holds. */
export interface OfferedFilter {
  name: SearchFilter;
  values: Array<{ value: string; count: number }>;
}

/** One page of results, the count and the filters: all the search page draws, from the server or the browser. */
export interface SearchAnswer {
  total: number;
  /** 1-based; pages hold SEARCH_PAGE_SIZE results. */
  page: number;
  hits: SearchHit[];
  filters: OfferedFilter[];
  /** Filters read from the query ("5 sao", "An Giang"). */
  understood: string[];
  /** The words searched for when one was misspelt ("nuoc mam phu quốc" for "… quok"). */
  corrected?: string;
  /** Districts (some 700 nationally) are offered only once a province is chosen: say so. */
  districtsNeedProvince: boolean;
}

const hasProvince = (state: SearchState) => Boolean(state.filters.province?.length || state.filters.certifiedProvince?.length);

/**
 * The filters to offer: every filter with a choice to make (two values or more), each value with its
 * count among the results. Districts only within the chosen provinces, where they have results.
 */
export function offeredFilters(totals: FilterCounts, counts: FilterCounts, state: SearchState): OfferedFilter[] {
  const offered: OfferedFilter[] = [];
  for (const name of SEARCH_FILTERS) {
    const all = Object.keys(totals[name] ?? {});
    const checked = state.filters[name] ?? [];
    let values = all;
    if (name === 'district') values = hasProvince(state) ? all.filter((value) => (counts.district?.[value] ?? 0) > 0 || checked.includes(value)) : checked;
    else if (all.length < 2) continue;
    if (!values.length) continue;
    offered.push({ name, values: values.map((value) => ({ value, count: counts[name]?.[value] ?? 0 })) });
  }
  return offered;
}

/** The answer for one page of results, whichever engine found them. */
export function searchAnswer(found: { total: number; page: number; hits: SearchHit[]; totals: FilterCounts; counts: FilterCounts }, state: SearchState, plan: SearchPlan): SearchAnswer {
  return {
    total: found.total,
    page: found.page,
    hits: found.hits,
    filters: offeredFilters(found.totals, found.counts, state),
    understood: plan.understood,
    districtsNeedProvince: !hasProvince(state) && Object.keys(found.totals.district ?? {}).length > 0,
  };
}
