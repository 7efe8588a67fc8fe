import { describe, expect, it } from 'vitest';
import { countFilters, rankEntries, searchEntries, type SearchEntry } from '../../src/lib/search-entries.ts';
import type { SearchPlan } from '../../src/lib/search-plan.ts';
import type { SearchState } from '../../src/lib/search.ts';

const entry = (name: string, stars: number, province: string, quality: string[] = ['Chưa có']): Omit<SearchEntry, 'rank'> => ({
  hit: { url: `/san-pham/${name}/`, title: name, stars, potential: false, producer: 'HTX', place: province, image: '/i.webp' },
  filters: { stars: [`${stars} sao`], province: [province], quality },
  sort: { stars: `${stars}.0`, name, certified: `202${stars}-01-01` },
});
const ENTRIES = rankEntries([entry('c', 3, 'An Giang'), entry('a', 4, 'Đồng Tháp', ['VietGAP', 'HACCP']), entry('b', 5, 'An Giang'), entry('d', 4, 'An Giang', ['VietGAP'])]);
const TOTALS = countFilters(ENTRIES);
const state: SearchState = { query: 'x', filters: {}, sort: 'relevance' };
const plan = (extra: Partial<SearchPlan> = {}): SearchPlan => ({ text: 'x', filters: {}, sort: undefined, understood: [], ...extra });
const titles = (found: { hits: Array<{ title: string }> }) => found.hits.map((hit) => hit.title);

describe('the server’s search over ranked products', () => {
  it('counts every filter value, a product with two certifications in both', () => {
    expect(TOTALS).toEqual({
      stars: { '3 sao': 1, '4 sao': 2, '5 sao': 1 },
      province: { 'An Giang': 3, 'Đồng Tháp': 1 },
      quality: { 'Chưa có': 2, VietGAP: 2, HACCP: 1 },
    });
  });

  it('keeps the engine’s order when asked for relevance', () => {
    expect(titles(searchEntries(ENTRIES, TOTALS, state, plan(), 1))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('keeps products with any chosen value of every chosen filter, and counts among them', () => {
    const found = searchEntries(ENTRIES, TOTALS, state, plan({ filters: { province: ['An Giang'], quality: ['VietGAP', 'HACCP'] } }), 1);
    expect(titles(found)).toEqual(['d']);
    expect(found.total).toBe(1);
    expect(found.filters.find((filter) => filter.name === 'stars')?.values).toEqual([
      { value: '3 sao', count: 0 },
      { value: '4 sao', count: 1 },
      { value: '5 sao', count: 0 },
    ]);
  });

  it('ranks equal keys alike', () => {
    expect(ENTRIES.map((one) => one.rank.stars)).toEqual([0, 1, 3, 1]);
  });

  it('orders by a key in either direction, equal keys in the order they came', () => {
    expect(titles(searchEntries(ENTRIES, TOTALS, state, plan({ sort: { stars: 'desc' } }), 1))).toEqual(['b', 'a', 'd', 'c']);
    expect(titles(searchEntries(ENTRIES, TOTALS, state, plan({ sort: { name: 'asc' } }), 1))).toEqual(['a', 'b', 'c', 'd']);
    expect(titles(searchEntries(ENTRIES, TOTALS, state, plan({ sort: { certified: 'desc' } }), 1))).toEqual(['b', 'a', 'd', 'c']);
    expect(titles(searchEntries(ENTRIES, TOTALS, state, plan(), 1)), 'the input is left as it was').toEqual(['c', 'a', 'b', 'd']);
  });

  it('gives one page of 24 and the total', () => {
    const many = rankEntries(Array.from({ length: 30 }, (_, index) => entry(`p${String(index).padStart(2, '0')}`, 3, 'An Giang')));
    const second = searchEntries(many, countFilters(many), state, plan(), 2);
    expect(second.total).toBe(30);
    expect(titles(second)).toEqual(many.slice(24).map((one) => one.hit.title));
  });
});
