import { searchPagefind, type PagefindApi } from '../lib/pagefind-search.ts';
import type { FilterCounts, SearchAnswer } from '../lib/search-answer.ts';
import { planSearch } from '../lib/search-plan.ts';
import { SEARCH_RANKING } from '../lib/search-record.ts';
import { chosenFilterCount, searchFiltersHtml, searchResultsHtml, searchStatus, type SearchLabels } from '../lib/search-view.ts';
import { searchStateFromParams, searchStateToParams, type SearchFilter, type SearchState } from '../lib/search.ts';

interface Strings {
  labels: SearchLabels;
  loading: string;
  linkCopied: string;
  unavailable: string;
  provinces: string[];
  certifiedProvinces: string[];
}

/** Answers a search state with one page of results. */
type Engine = (state: SearchState, page: number) => Promise<SearchAnswer>;

/** The server's search: one small request per search, nothing else to load. */
function serverEngine(locale: string): Engine {
  return async (state, page) => {
    const params = searchStateToParams(state);
    params.set('locale', locale);
    if (page > 1) params.set('page', String(page));
    const response = await fetch(`/api/search?${params}`);
    if (!response.ok) throw new Error(`search answered ${response.status}`);
    return (await response.json()) as SearchAnswer;
  };
}

/** Where the server cannot answer (offline, a static copy of the site): the browser's own Pagefind index. */
async function browserEngine(strings: Strings): Promise<Engine> {
  const pagefind = (await import(/* @vite-ignore */ `${'/pagefind/pagefind.js'}`)) as PagefindApi & { options(options: object): Promise<void> };
  await pagefind.options({ ranking: SEARCH_RANKING });
  const context = { provinces: strings.provinces, certifiedProvinces: strings.certifiedProvinces, starsLabel: strings.labels.stars };
  let totals: Promise<FilterCounts> | undefined;
  return async (state, page) => {
    totals ??= pagefind.filters();
    return searchPagefind(pagefind, await totals, state, planSearch(state, context), page);
  };
}

/**
 * The search page after its first answer, which the server put in the HTML: typing, filters, sort
 * and "more" ask the server again and redraw with the same markup (src/lib/search-view.ts).
 */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]')!;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const details = root.querySelector<HTMLDetailsElement>('details[data-filters]')!;
  const groups = root.querySelector<HTMLElement>('[data-filter-groups]')!;
  const counter = root.querySelector<HTMLElement>('[data-filter-count]')!;
  const districtHint = root.querySelector<HTMLElement>('[data-district-hint]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLElement>('[data-results]')!;
  const browse = root.querySelector<HTMLElement>('[data-browse]')!;
  const strings = JSON.parse(document.getElementById('search-strings')!.textContent!) as Strings;
  const { labels } = strings;
  const locale = document.documentElement.lang;
  const path = location.pathname;
  if (window.matchMedia('(min-width: 56rem)').matches) details.open = true;

  let state: SearchState = searchStateFromParams(new URLSearchParams(location.search));
  const server = serverEngine(locale);
  let fallback: Promise<Engine> | undefined;
  /** The server first; when it cannot answer, the browser's index (loaded once, only then). */
  const ask: Engine = (current, page) =>
    server(current, page).catch(async () => {
      fallback ??= browserEngine(strings);
      return (await fallback)(current, page);
    });

  function render(answer: SearchAnswer, append: boolean) {
    status.textContent = searchStatus(answer, labels, locale);
    const chosen = chosenFilterCount(state);
    counter.hidden = chosen === 0;
    counter.textContent = String(chosen);
    districtHint.hidden = !answer.districtsNeedProvince;
    // The filters are drawn again: a checkbox that had focus keeps it.
    const focused = document.activeElement instanceof HTMLInputElement && groups.contains(document.activeElement) ? document.activeElement : undefined;
    groups.innerHTML = searchFiltersHtml(answer, state, labels, locale);
    if (focused) groups.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
    const results = searchResultsHtml(answer, state, path, labels);
    if (append) {
      list.querySelector('[data-more]')?.remove();
      list.insertAdjacentHTML('beforeend', results);
    } else list.innerHTML = results;
    browse.hidden = true;
  }

  let run = 0;
  async function show(page: number) {
    const ticket = ++run;
    list.setAttribute('aria-busy', 'true');
    try {
      const answer = await ask(state, page);
      if (ticket === run) render(answer, page > 1);
    } catch {
      if (ticket !== run) return;
      status.textContent = strings.unavailable;
      browse.hidden = false;
    } finally {
      if (ticket === run) list.removeAttribute('aria-busy');
    }
  }

  /** A new search from the form; the address follows, so the search can be shared. */
  function update() {
    const params = searchStateToParams(state);
    history.replaceState(null, '', `${path}${params.size ? `?${params}` : ''}`);
    void show(1);
  }

  const readForm = (): SearchState => {
    const boxes = [...groups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    // With no filters drawn yet (the server could not answer), the ones from the address still apply.
    const filters: SearchState['filters'] = boxes.length ? {} : state.filters;
    for (const box of boxes.filter((one) => one.checked)) {
      const name = box.name as SearchFilter;
      filters[name] = [...(filters[name] ?? []), box.value];
    }
    return { query: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'] };
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = readForm();
      update();
    }, event.target === input ? 200 : 0);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = readForm();
    update();
  });
  root.querySelector('[data-clear]')!.addEventListener('click', (event) => {
    event.preventDefault();
    state = { ...state, filters: {} };
    update();
  });
  // "More" is a link to the next page for browsers without JavaScript; here it adds that page below.
  list.addEventListener('click', (event) => {
    const more = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!more) return;
    event.preventDefault();
    more.textContent = strings.loading;
    void show(Number(more.dataset.page));
  });
  root.querySelector('[data-copy-link]')!.addEventListener('click', async (event) => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    (event.currentTarget as HTMLElement).textContent = strings.linkCopied;
  });
  if (!('answered' in list.dataset)) void show(1);
}
