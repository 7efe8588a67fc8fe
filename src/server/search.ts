import path from 'node:path';
import { getCatalogue } from '../data/catalogue.ts';
import { productSearchTexts } from '../data/search-records.ts';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import { searchPagefind, type FilterCounts, type PagefindApi, type SearchAnswer } from '../lib/pagefind-search.ts';
import { planSearch, type SearchContext } from '../lib/search-plan.ts';
import { SEARCH_RANKING } from '../lib/search-record.ts';
import { buildVocabulary, correctSpelling, type Vocabulary } from '../lib/search-spelling.ts';
import type { SearchState } from '../lib/search.ts';
import { buildFolderOf } from './build-folder.ts';
import { openPagefind } from './pagefind-node.ts';

/**
 * The server's search: the build's own Pagefind index, run in Node (src/server/pagefind-node.ts), so
 * a shared link is answered in its HTML and typing costs one small request instead of the index.
 * Each worker opens its build's index once, on the first search in each language.
 */
interface LocaleSearch {
  pagefind: PagefindApi;
  /** Every filter value with its count in the whole catalogue: the panel offers them all. */
  totals: FilterCounts;
  context: SearchContext;
  vocabulary: Vocabulary;
}

/** The build's Pagefind bundle; in `astro dev` (no build around the code) the last build's. */
function pagefindBundle(): string {
  const build = buildFolderOf(import.meta.url) ?? (import.meta.env.DEV ? path.resolve(process.env.OCOP_OUT_DIR ?? 'dist') : undefined);
  if (!build) throw new Error('the server runs outside a build, so it has no search index');
  return path.join(build, 'client', 'pagefind');
}

async function openLocaleSearch(locale: Locale): Promise<LocaleSearch> {
  const pagefind = await openPagefind(pagefindBundle(), locale, { ranking: SEARCH_RANKING });
  const { products } = await getCatalogue();
  return {
    pagefind,
    totals: await pagefind.filters(),
    context: {
      provinces: [...new Set(products.map((product) => product.currentProvince))],
      certifiedProvinces: [...new Set(products.map((product) => product.province))],
      starsLabel: useTranslations(locale)('stars.label'),
    },
    vocabulary: buildVocabulary(
      products.flatMap((product) => {
        const texts = productSearchTexts(product, locale);
        return [texts.kind, ...texts.names, ...texts.context];
      }),
    ),
  };
}

const searches = new Map<Locale, Promise<LocaleSearch>>();

function localeSearch(locale: Locale): Promise<LocaleSearch> {
  let search = searches.get(locale);
  if (!search) {
    search = openLocaleSearch(locale);
    // A failure (no index in this build) is said on every search, not remembered as a broken promise.
    search.catch(() => searches.delete(locale));
    searches.set(locale, search);
  }
  return search;
}

/** One page of results for a search state: misspelt words corrected, filters read from the query. */
export async function searchCatalogue(locale: Locale, state: SearchState, page: number): Promise<SearchAnswer> {
  const { pagefind, totals, context, vocabulary } = await localeSearch(locale);
  const plan = planSearch(state, context);
  const spelling = correctSpelling(plan.text, vocabulary);
  const answer = await searchPagefind(pagefind, totals, state, { ...plan, text: spelling.text }, page);
  return spelling.corrections.length ? { ...answer, corrected: spelling.text } : answer;
}
