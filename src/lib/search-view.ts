import { escapeHtml } from './escape.ts';
import type { SearchAnswer, SearchHit } from './search-answer.ts';
import { choosePlural } from './plural.ts';
import { SEARCH_PAGE_SIZE, searchStateToParams, type SearchFilter, type SearchState } from './search.ts';
import { fillPlaceholders as fill } from './template.ts';

/**
 * The search page's results, status and filters as HTML, made by the server for the first answer
 * and by the page's script for the next ones, so both draw exactly the same markup.
 */
export interface SearchLabels {
  /** "{count} sản phẩm", "{count} product|{count} products". */
  results: string;
  noResults: string;
  /** "hiểu là {what}": the filters read from the query. */
  readAs: string;
  /** "đã sửa thành “{words}”": the words searched for when one was misspelt. */
  corrected: string;
  stars: string;
  potential: string;
  /** "Xem thêm {count} sản phẩm": the link to the next page of results. */
  more: string;
  filterLabels: Record<SearchFilter, string>;
}

/** "3182 sản phẩm · hiểu là 5 sao, An Giang · đã sửa thành “nuoc mam phu quốc”", or the no-results advice. */
export function searchStatus(answer: SearchAnswer, labels: SearchLabels, locale: string): string {
  const parts = [answer.total ? fill(choosePlural(labels.results, answer.total, locale), { count: answer.total }) : labels.noResults];
  if (answer.understood.length) parts.push(fill(labels.readAs, { what: answer.understood.join(', ') }));
  if (answer.corrected) parts.push(fill(labels.corrected, { words: answer.corrected }));
  return parts.join(' · ');
}

function resultHtml(hit: SearchHit, labels: SearchLabels): string {
  const stars = `<span class="stars"><span class="stars__icons" aria-hidden="true">${'★'.repeat(hit.stars)}</span> ${escapeHtml(fill(labels.stars, { stars: hit.stars }))}${
    hit.potential ? ` <span class="badge badge--gold">${escapeHtml(labels.potential)}</span>` : ''
  }</span>`;
  return [
    '<li class="result">',
    `<img src="${escapeHtml(hit.image)}" alt="" width="160" height="120" loading="lazy">`,
    '<div>',
    `<h2 class="result__title"><a href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a></h2>`,
    stars,
    `<p class="card__meta">${escapeHtml(hit.producer)}</p>`,
    `<p class="card__meta">${escapeHtml(hit.place)}</p>`,
    '</div></li>',
  ].join('');
}

/** The results of one page, then the link to the next page when there is one. */
export function searchResultsHtml(answer: SearchAnswer, state: SearchState, pagePath: string, labels: SearchLabels): string {
  const items = answer.hits.map((hit) => resultHtml(hit, labels));
  const left = answer.total - answer.page * SEARCH_PAGE_SIZE;
  if (left > 0) {
    const params = searchStateToParams(state);
    params.set('page', String(answer.page + 1));
    const more = fill(labels.more, { count: Math.min(SEARCH_PAGE_SIZE, left) });
    items.push(`<li class="search__more" data-more><a class="button button-secondary" href="${escapeHtml(`${pagePath}?${params}`)}" data-page="${answer.page + 1}">${escapeHtml(more)}</a></li>`);
  }
  return items.join('');
}

/** One fieldset of checkboxes per offered filter, values in the page's alphabetical order. */
export function searchFiltersHtml(answer: SearchAnswer, state: SearchState, labels: SearchLabels, locale: string): string {
  const collator = new Intl.Collator(locale);
  return answer.filters
    .map(({ name, values }) => {
      const options = [...values]
        .sort((a, b) => collator.compare(a.value, b.value))
        .map(({ value, count }) => {
          const checked = state.filters[name]?.includes(value) ? ' checked' : '';
          return `<label class="search__option"><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked}> ${escapeHtml(value)} <span class="muted">(${count})</span></label>`;
        });
      return `<fieldset class="search__fieldset"><legend>${escapeHtml(labels.filterLabels[name])}</legend>${options.join('')}</fieldset>`;
    })
    .join('');
}

/** How many filter values are chosen: the badge on the folded filter panel. */
export const chosenFilterCount = (state: SearchState) => Object.values(state.filters).reduce((sum, values) => sum + (values?.length ?? 0), 0);
