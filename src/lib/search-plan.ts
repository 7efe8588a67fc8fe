import { readQueryIntent } from './query-intent.ts';
import { pagefindSort, type SearchFilter, type SearchState } from './search.ts';
import { fillPlaceholders } from './template.ts';

/** What a search needs to know beyond its state: the place names a query may name, and how stars are labelled. */
export interface SearchContext {
  /** Today's provinces, then the provinces certificates name ("Kiên Giang"). */
  provinces: readonly string[];
  certifiedProvinces: readonly string[];
  /** The star filter's label, "{stars} sao" or "{stars} stars". */
  starsLabel: string;
}

/** What the engine is asked: the words, every filter (chosen or read from the query), the order. */
export interface SearchPlan {
  text: string;
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: Record<string, 'asc' | 'desc'> | undefined;
  /** The filters read from the query, as the status line names them ("5 sao", "An Giang"). */
  understood: string[];
}

/**
 * The state's filters plus what the query itself names ("an giang 5 sao"), unless set by hand. With
 * no words, products come best first.
 */
export function planSearch(state: SearchState, context: SearchContext): SearchPlan {
  const intent = readQueryIntent(state.query, [...context.provinces, ...context.certifiedProvinces]);
  const filters: SearchPlan['filters'] = Object.fromEntries(Object.entries(state.filters).filter(([, values]) => values?.length));
  const understood: string[] = [];
  if (intent.stars && !filters.stars?.length) {
    filters.stars = [fillPlaceholders(context.starsLabel, { stars: intent.stars })];
    understood.push(filters.stars[0]);
  }
  if (intent.province && !filters.province?.length && !filters.certifiedProvince?.length) {
    filters[context.provinces.includes(intent.province) ? 'province' : 'certifiedProvince'] = [intent.province];
    understood.push(intent.province);
  }
  return { text: intent.text, filters, sort: pagefindSort(state.sort) ?? (intent.text ? undefined : { stars: 'desc' }), understood };
}
