import { choosePlural } from '../lib/plural.ts';
import { readQueryIntent } from '../lib/query-intent.ts';
import { SEARCH_RANKING } from '../lib/search-record.ts';
import { fillPlaceholders as fill } from '../lib/template.ts';
import {
  SEARCH_FILTERS,
  pagefindSort,
  searchStateFromParams,
  searchStateToParams,
  type SearchFilter,
  type SearchState,
} from '../lib/search.ts';

/** The subset of Pagefind's browser API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindSearch {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: Record<string, unknown>): Promise<PagefindSearch>;
}

interface Strings {
  readAs: string;
  provinces: string[];
  certifiedProvinces: string[];
  results: string;
  noResults: string;
  loading: string;
  stars: string;
  potential: string;
  linkCopied: string;
  unavailable: string;
  filterLabels: Record<SearchFilter, string>;
}

const PAGE = 24;

/** A DOM element with properties and children; properties are loosely typed to keep the checker fast. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]')!;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const groups = root.querySelector<HTMLElement>('[data-filter-groups]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLElement>('[data-results]')!;
  const strings = JSON.parse(document.getElementById('search-strings')!.textContent!) as Strings;
  if (window.matchMedia('(min-width: 56rem)').matches) root.querySelector('details')!.open = true;

  let state: SearchState = searchStateFromParams(new URLSearchParams(location.search));
  input.value = state.query;
  sortSelect.value = state.sort;
  status.textContent = strings.loading;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${'/pagefind/pagefind.js'}`)) as Pagefind;
  } catch {
    // No index (a build without `pagefind`, or offline): point at the listings instead.
    status.textContent = strings.unavailable;
    root.querySelector('noscript')?.insertAdjacentHTML('afterend', root.querySelector('noscript')!.textContent ?? '');
    return;
  }
  await pagefind.options({ excerptLength: 18, ranking: SEARCH_RANKING });

  // Every filter's values and counts: at national size they weigh more than a whole search, so they
  // load only once the filters are open (beside the results on wide screens) or already in use.
  let totals: Record<string, Record<string, number>> | undefined;
  let loadingTotals: Promise<void> | undefined;
  const loadTotals = () =>
    (loadingTotals ??= pagefind.filters().then((all) => {
      totals = all;
    }));
  const details = root.querySelector<HTMLDetailsElement>('details[data-filters]')!;
  const counter = root.querySelector<HTMLElement>('[data-filter-count]')!;
  const districtHint = root.querySelector<HTMLElement>('[data-district-hint]')!;

  /** Districts (some 700 nationally) are offered only within the chosen provinces, with results there. */
  function shownValues(name: SearchFilter, counts: Record<string, Record<string, number>>): string[] {
    const all = Object.keys(totals?.[name] ?? {});
    if (name !== 'district') return all;
    const checked = state.filters.district ?? [];
    if (!state.filters.province?.length && !state.filters.certifiedProvince?.length) return checked;
    return all.filter((value) => (counts.district?.[value] ?? 0) > 0 || checked.includes(value));
  }

  function renderFilters(counts: Record<string, Record<string, number>>) {
    const active = Object.values(state.filters).reduce((sum, values) => sum + (values?.length ?? 0), 0);
    counter.hidden = active === 0;
    counter.textContent = String(active);
    districtHint.hidden = !totals || Boolean(state.filters.province?.length || state.filters.certifiedProvince?.length);
    if (!totals) return;
    groups.replaceChildren(
      ...SEARCH_FILTERS.filter((name) => Object.keys(totals![name] ?? {}).length > (name === 'district' ? 0 : 1) && shownValues(name, counts).length).map((name) => {
        const values = shownValues(name, counts).sort((a, b) => a.localeCompare(b, document.documentElement.lang));
        return element(
          'fieldset',
          { className: 'search__fieldset' },
          element('legend', {}, strings.filterLabels[name]),
          ...values.map((value) => {
            const checkbox = element('input', { type: 'checkbox', name, value, checked: state.filters[name]?.includes(value) ?? false });
            return element('label', { className: 'search__option' }, checkbox, ` ${value} `, element('span', { className: 'muted' }, `(${counts[name]?.[value] ?? 0})`));
          }),
        );
      }),
    );
  }

  /** The state's filters plus what the query itself names ("an giang 5 sao"), unless set by hand. */
  function queryFilters(current: SearchState) {
    const intent = readQueryIntent(current.query, [...strings.provinces, ...strings.certifiedProvinces]);
    const chosen: SearchState['filters'] = { ...current.filters };
    const understood: string[] = [];
    if (intent.stars && !chosen.stars?.length) {
      chosen.stars = [fill(strings.stars, { stars: intent.stars })];
      understood.push(chosen.stars[0]);
    }
    if (intent.province && !chosen.province?.length && !chosen.certifiedProvince?.length) {
      chosen[strings.provinces.includes(intent.province) ? 'province' : 'certifiedProvince'] = [intent.province];
      understood.push(intent.province);
    }
    const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v?.length).map(([k, v]) => [k, { any: v }]));
    return { text: intent.text, filters, understood };
  }

  let run = 0;
  /** Runs the search; `filtersOnly` redraws only the filter panel (its values have just loaded). */
  async function update(push: boolean, filtersOnly = false) {
    const params = searchStateToParams(state);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (push) history.replaceState(null, '', url);
    const ticket = ++run;
    const { text, filters, understood } = queryFilters(state);
    const search = await pagefind.search(text || null, { filters, sort: pagefindSort(state.sort) ?? (text ? undefined : { stars: 'desc' }) });
    if (ticket !== run) return;
    renderFilters(search.filters);
    if (filtersOnly) return;
    status.textContent = search.results.length
      ? fill(choosePlural(strings.results, search.results.length, document.documentElement.lang), { count: search.results.length })
      : strings.noResults;
    if (understood.length) status.textContent += ` · ${fill(strings.readAs, { what: understood.join(', ') })}`;
    list.replaceChildren();
    await showMore(search, 0, ticket);
  }

  async function showMore(search: PagefindSearch, from: number, ticket: number) {
    const page = await Promise.all(search.results.slice(from, from + PAGE).map((result) => result.data()));
    if (ticket !== run) return;
    list.querySelector('[data-more]')?.remove();
    list.append(...page.map(renderResult));
    if (search.results.length > from + PAGE) {
      const more = element('button', { type: 'button', className: 'button-secondary' }, '…');
      more.textContent = `+ ${Math.min(PAGE, search.results.length - from - PAGE)}`;
      more.addEventListener('click', () => showMore(search, from + PAGE, ticket));
      list.append(element('li', { className: 'search__more' }, more));
      list.lastElementChild!.setAttribute('data-more', '');
    }
  }

  function renderResult(data: PagefindResultData): HTMLElement {
    const stars = Number(data.meta.stars);
    const badge = element('span', { className: 'stars' }, element('span', { className: 'stars__icons', ariaHidden: 'true' }, '★'.repeat(stars)), ` ${fill(strings.stars, { stars })}`);
    if (data.meta.potential === '1') badge.append(' ', element('span', { className: 'badge badge--gold' }, strings.potential));
    const image = element('img', { src: data.meta.image, alt: '', width: 160, height: 120, loading: 'lazy' });
    return element(
      'li',
      { className: 'result' },
      image,
      element(
        'div',
        {},
        element('h2', { className: 'result__title' }, element('a', { href: data.url }, data.meta.title)),
        badge,
        element('p', { className: 'card__meta' }, data.meta.producer),
        element('p', { className: 'card__meta' }, data.meta.place),
      ),
    );
  }

  const readForm = (): SearchState => {
    // Before the filters are drawn, the ones from the address still apply.
    if (!totals) return { query: input.value.trim(), filters: state.filters, sort: sortSelect.value as SearchState['sort'] };
    const filters: SearchState['filters'] = {};
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
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
      void update(true);
    }, event.target === input ? 200 : 0);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = readForm();
    void update(true);
  });
  root.querySelector('[data-clear]')!.addEventListener('click', () => {
    state = { ...state, filters: {} };
    void update(true);
  });
  root.querySelector('[data-copy-link]')!.addEventListener('click', async (event) => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    (event.currentTarget as HTMLElement).textContent = strings.linkCopied;
  });
  // Filters already in the address need their panel now; otherwise it fills in after the first results.
  const fillFilters = async () => {
    await loadTotals();
    await update(false, true);
  };
  if (Object.keys(state.filters).length) await loadTotals();
  await update(false);
  if (totals) return;
  if (details.open) void fillFilters();
  else details.addEventListener('toggle', () => void fillFilters(), { once: true });
}
