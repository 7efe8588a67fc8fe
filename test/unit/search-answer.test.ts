import { describe, expect, it } from 'vitest';
import { searchPagefind, type PagefindApi } from '../../src/lib/pagefind-search.ts';
import { offeredFilters } from '../../src/lib/search-answer.ts';
import type { SearchState } from '../../src/lib/search.ts';

const TOTALS = {
  stars: { '3 sao': 90, '4 sao': 38, '5 sao': 2 },
  province: { 'An Giang': 120, 'Đồng Tháp': 10 },
  district: { 'Tri Tôn (An Giang)': 9, 'Châu Đốc (An Giang)': 5, 'Cao Lãnh (Đồng Tháp)': 3 },
  online: { 'Chưa bán trực tuyến': 130 },
};
const state = (filters: SearchState['filters'] = {}): SearchState => ({ query: 'mam', filters, sort: 'relevance' });

describe('the filters a search offers', () => {
  it('offers every filter with a choice, each value counted among the results', () => {
    const offered = offeredFilters(TOTALS, { stars: { '4 sao': 3 }, province: { 'An Giang': 3 } }, state());
    expect(offered.map((filter) => filter.name)).toEqual(['province', 'stars']);
    expect(offered[1].values).toEqual([
      { value: '3 sao', count: 0 },
      { value: '4 sao', count: 3 },
      { value: '5 sao', count: 0 },
    ]);
  });

  it('offers districts only within a chosen province, where they have results or are chosen', () => {
    const counts = { district: { 'Tri Tôn (An Giang)': 2 } };
    expect(offeredFilters(TOTALS, counts, state()).some((filter) => filter.name === 'district')).toBe(false);
    const chosen = offeredFilters(TOTALS, counts, state({ province: ['An Giang'], district: ['Châu Đốc (An Giang)'] })).find((filter) => filter.name === 'district');
    expect(chosen?.values.map((value) => value.value)).toEqual(['Tri Tôn (An Giang)', 'Châu Đốc (An Giang)']);
  });
});

describe('a search on Pagefind', () => {
  const pages = Array.from({ length: 30 }, (_, index) => ({
    url: `/san-pham/p${index}/`,
    meta: { title: `P ${index}`, stars: '4', potential: index === 0 ? '1' : '0', producer: 'HTX', place: 'Tri Tôn, An Giang', image: '/i.webp' },
  }));
  const asked: unknown[] = [];
  const loaded: string[] = [];
  const pagefind: PagefindApi = {
    async search(term, options) {
      asked.push({ term, options });
      return { results: pages.map((page) => ({ id: page.url, data: async () => (loaded.push(page.url), page) })), filters: { stars: { '4 sao': 30 } } };
    },
    filters: async () => TOTALS,
  };

  it('asks with the planned words, filters and order, and reads only the page shown', async () => {
    const answer = await searchPagefind(pagefind, TOTALS, state(), { text: 'mam', filters: { stars: ['4 sao'] }, sort: undefined, understood: ['4 sao'] }, 2);
    expect(asked.at(-1)).toEqual({ term: 'mam', options: { filters: { stars: { any: ['4 sao'] } }, sort: undefined } });
    expect(answer.total).toBe(30);
    expect(answer.page).toBe(2);
    expect(answer.hits.map((hit) => hit.url)).toEqual(pages.slice(24).map((page) => page.url));
    expect(loaded).toEqual(pages.slice(24).map((page) => page.url));
    expect(answer.understood).toEqual(['4 sao']);
    expect(answer.districtsNeedProvince).toBe(true);
  });

  it('gives each result what it shows', async () => {
    const answer = await searchPagefind(pagefind, TOTALS, state(), { text: '', filters: {}, sort: { stars: 'desc' }, understood: [] }, 1);
    expect(asked.at(-1)).toEqual({ term: null, options: { filters: {}, sort: { stars: 'desc' } } });
    expect(answer.hits[0]).toEqual({ url: '/san-pham/p0/', title: 'P 0', stars: 4, potential: true, producer: 'HTX', place: 'Tri Tôn, An Giang', image: '/i.webp' });
    expect(answer.hits).toHaveLength(24);
  });
});
