import { isLocale, type Locale } from '../i18n/ui.ts';
import { SEARCH_FILTERS, SEARCH_SORTS, searchPageFromParams, searchStateFromParams, type SearchState } from './search.ts';

/**
 * `GET /api/search?q=…&locale=en&stars=4+stars&sort=name&page=2`: what the search page's script
 * asks the server. Bad input gets a reason, never a guess: the script only sends what it can read.
 */
export const SEARCH_REQUEST_LIMITS = { queryLength: 200, valuesPerFilter: 50, valueLength: 120, page: 1000 } as const;

export interface SearchRequest {
  locale: Locale;
  state: SearchState;
  page: number;
}

const KNOWN = new Set<string>(['q', 'locale', 'sort', 'page', ...SEARCH_FILTERS]);

export function readSearchRequest(params: URLSearchParams): SearchRequest | { error: string } {
  const unknown = [...params.keys()].find((name) => !KNOWN.has(name));
  if (unknown !== undefined) return { error: `unknown parameter: ${JSON.stringify(unknown.slice(0, 40))}; filters are ${SEARCH_FILTERS.join(', ')}` };
  const locale = params.get('locale') ?? 'vi';
  if (!isLocale(locale)) return { error: 'locale must be vi or en' };
  if ((params.get('q') ?? '').length > SEARCH_REQUEST_LIMITS.queryLength) return { error: `the query is longer than ${SEARCH_REQUEST_LIMITS.queryLength} characters` };
  const sort = params.get('sort');
  if (sort !== null && !(SEARCH_SORTS as readonly string[]).includes(sort)) return { error: `sort must be one of ${SEARCH_SORTS.join(', ')}` };
  const page = params.get('page');
  if (page !== null && (!/^\d{1,4}$/.test(page) || Number(page) < 1 || Number(page) > SEARCH_REQUEST_LIMITS.page)) {
    return { error: `page must be a whole number from 1 to ${SEARCH_REQUEST_LIMITS.page}` };
  }
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name);
    if (values.length > SEARCH_REQUEST_LIMITS.valuesPerFilter) return { error: `at most ${SEARCH_REQUEST_LIMITS.valuesPerFilter} values of ${name}` };
    if (values.some((value) => value.length > SEARCH_REQUEST_LIMITS.valueLength)) return { error: `a value of ${name} is longer than ${SEARCH_REQUEST_LIMITS.valueLength} characters` };
  }
  return { locale, state: searchStateFromParams(params), page: searchPageFromParams(params) };
}
