import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCatalogue } from '../data/catalogue.ts';
import { productSearchEntry, productSearchTexts } from '../data/search-records.ts';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import type { PagefindApi } from '../lib/pagefind-search.ts';
import type { FilterCounts, SearchAnswer } from '../lib/search-answer.ts';
import { countFilters, rankEntries, searchEntries, type SearchEntry } from '../lib/search-entries.ts';
import { planSearch, type SearchContext } from '../lib/search-plan.ts';
import { SEARCH_RANKING } from '../lib/search-record.ts';
import { buildVocabulary, correctSpelling, type Vocabulary } from '../lib/search-spelling.ts';
import type { SearchState } from '../lib/search.ts';
import { buildFolderOf } from './build-folder.ts';
import { openPagefind } from './pagefind-node.ts';

/**
 * The server's search: the build's own Pagefind index, run in Node (src/server/pagefind-node.ts), ranks
 * the words; filters, order and counts are done over the catalogue (src/lib/search-entries.ts). So a
 * shared link is answered in its HTML and typing costs one small request instead of the index.
 * Each worker opens its build's index once, on the first search in each language.
 */
interface LocaleSearch {
  pagefind: PagefindApi;
  /** Every listed product (a revoked certificate leaves search), in the catalogue's order (by name). */
  entries: SearchEntry[];
  /** Pagefind's page ids (server/search-pages.<locale>.json, written with the index) to products. */
  byPage: Map<string, SearchEntry>;
  /** Every filter value with its count in the whole catalogue: the panel offers them all. */
  totals: FilterCounts;
  context: SearchContext;
  vocabulary: Vocabulary;
}

/** The build this server runs from; in `astro dev` (no build around the code) the last build. */
function buildFolder(): string {
  const build = buildFolderOf(import.meta.url) ?? (import.meta.env.DEV ? path.resolve(process.env.OCOP_OUT_DIR ?? 'dist') : undefined);
  if (!build) throw new Error('the server runs outside a build, so it has no search index');
  return build;
}

async function openLocaleSearch(locale: Locale): Promise<LocaleSearch> {
  const build = buildFolder();
  const [pagefind, pages, { listedProducts: products }] = await Promise.all([
    openPagefind(path.join(build, 'client', 'pagefind'), locale, { ranking: SEARCH_RANKING }),
    readFile(path.join(build, 'server', `search-pages.${locale}.json`), 'utf8').then((text) => JSON.parse(text) as Record<string, string>),
    getCatalogue(),
  ]);
  const entries = rankEntries(await Promise.all(products.map((product) => productSearchEntry(product, locale))));
  const byUrl = new Map(entries.map((entry) => [entry.hit.url, entry]));
  return {
    pagefind,
    entries,
    byPage: new Map(Object.entries(pages).flatMap(([id, url]) => (byUrl.has(url) ? [[id, byUrl.get(url)!] as const] : []))),
    totals: countFilters(entries),
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
  const { pagefind, entries, byPage, totals, context, vocabulary } = await localeSearch(locale);
  const plan = planSearch(state, context);
  const spelling = correctSpelling(plan.text, vocabulary);
  // Pagefind only ranks: given no filters nor order, it never loads (nor counts) its filter data.
  const found = spelling.text ? (await pagefind.search(spelling.text, {})).results.flatMap((result) => byPage.get(result.id) ?? []) : entries;
  const answer = searchEntries(found, totals, state, { ...plan, text: spelling.text }, page);
  return spelling.corrections.length ? { ...answer, corrected: spelling.text } : answer;
}
