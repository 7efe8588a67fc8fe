import { describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../src/lib/search-answer.ts';
import { chosenFilterCount, searchFiltersHtml, searchResultsHtml, searchStatus, type SearchLabels } from '../../src/lib/search-view.ts';
import type { SearchState } from '../../src/lib/search.ts';

const LABELS: SearchLabels = {
  results: '{count} product|{count} products',
  noResults: 'No products found.',
  readAs: 'read as {what}',
  corrected: 'corrected to “{words}”',
  stars: '{stars} stars',
  potential: 'Potential 5 stars',
  more: 'Show {count} more',
  filterLabels: { province: 'Province', certifiedProvince: 'Certified in', district: 'District', stars: 'Stars', group: 'Group', producerKind: 'Producer', certificate: 'Certificate', online: 'Online', wholesale: 'Wholesale', quality: 'Quality' },
};
const hit = { url: '/en/products/a/', title: 'Fish sauce <40°>', stars: 4, potential: true, producer: 'HTX "Phú Quốc"', place: 'Phú Quốc, Kiên Giang', image: '/_image?a=1&b=2' };
const answer = (extra: Partial<SearchAnswer> = {}): SearchAnswer => ({ total: 1, page: 1, hits: [hit], filters: [], understood: [], districtsNeedProvince: true, ...extra });
const state: SearchState = { query: 'fish sauce', filters: { stars: ['4 stars'] }, sort: 'name' };

describe('the search page drawn from an answer', () => {
  it('says how many products were found, what the query was read as and which words were corrected', () => {
    expect(searchStatus(answer(), LABELS, 'en')).toBe('1 product');
    expect(searchStatus(answer({ total: 3182, understood: ['4 stars', 'An Giang'], corrected: 'fish sauce phu quốc' }), LABELS, 'en')).toBe(
      '3182 products · read as 4 stars, An Giang · corrected to “fish sauce phu quốc”',
    );
    expect(searchStatus(answer({ total: 0, hits: [] }), LABELS, 'en')).toBe('No products found.');
  });

  it('draws each result with its link, stars and place, escaped', () => {
    const html = searchResultsHtml(answer(), state, '/en/search/', LABELS);
    expect(html).toContain('<a href="/en/products/a/">Fish sauce &lt;40°&gt;</a>');
    expect(html).toContain('<span class="stars__icons" aria-hidden="true">★★★★</span> 4 stars <span class="badge badge--gold">Potential 5 stars</span>');
    expect(html).toContain('HTX &quot;Phú Quốc&quot;');
    expect(html).toContain('src="/_image?a=1&amp;b=2"');
    expect(html).not.toContain('data-more');
  });

  it('ends a page with a link to the next one, which keeps the search', () => {
    const html = searchResultsHtml(answer({ total: 60, page: 2 }), state, '/en/search/', LABELS);
    expect(html).toContain('href="/en/search/?q=fish+sauce&amp;stars=4+stars&amp;sort=name&amp;page=3" data-page="3">Show 12 more</a>');
  });

  it('draws the offered filters as checkboxes in alphabetical order, the chosen ones checked', () => {
    const html = searchFiltersHtml(answer({ filters: [{ name: 'stars', values: [{ value: '5 stars', count: 0 }, { value: '4 stars', count: 7 }] }] }), state, LABELS, 'en');
    expect(html).toBe(
      '<fieldset class="search__fieldset"><legend>Stars</legend>' +
        '<label class="search__option"><input type="checkbox" name="stars" value="4 stars" checked> 4 stars <span class="muted">(7)</span></label>' +
        '<label class="search__option"><input type="checkbox" name="stars" value="5 stars"> 5 stars <span class="muted">(0)</span></label></fieldset>',
    );
    expect(chosenFilterCount({ ...state, filters: { stars: ['4 stars', '5 stars'], province: ['An Giang'] } })).toBe(3);
  });
});
