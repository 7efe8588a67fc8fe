import { describe, expect, it } from 'vitest';
import { planSearch, type SearchContext } from '../../src/lib/search-plan.ts';
import type { SearchState } from '../../src/lib/search.ts';

const CONTEXT: SearchContext = { provinces: ['An Giang', 'Đồng Tháp'], certifiedProvinces: ['An Giang', 'Kiên Giang'], starsLabel: '{stars} sao' };
const state = (query: string, extra: Partial<SearchState> = {}): SearchState => ({ query, filters: {}, sort: 'relevance', ...extra });

describe('planning a search', () => {
  it('reads a star level and a province in the query as filters, and names them', () => {
    expect(planSearch(state('mắm an giang 5 sao'), CONTEXT)).toEqual({ text: 'mắm', filters: { stars: ['5 sao'], province: ['An Giang'] }, sort: undefined, understood: ['5 sao', 'An Giang'] });
  });

  it('takes a province that exists only on certificates as the certified province', () => {
    expect(planSearch(state('kien giang'), CONTEXT).filters).toEqual({ certifiedProvince: ['Kiên Giang'] });
  });

  it('lets filters chosen by hand win over what the query says', () => {
    const plan = planSearch(state('mắm 5 sao dong thap', { filters: { stars: ['4 sao'], province: ['An Giang'] } }), CONTEXT);
    expect(plan.filters).toEqual({ stars: ['4 sao'], province: ['An Giang'] });
    expect(plan.understood).toEqual([]);
  });

  it('orders by relevance for words, best stars first without them, and as chosen otherwise', () => {
    expect(planSearch(state('trà'), CONTEXT).sort).toBeUndefined();
    expect(planSearch(state(''), CONTEXT).sort).toEqual({ stars: 'desc' });
    expect(planSearch(state('trà', { sort: 'name' }), CONTEXT).sort).toEqual({ name: 'asc' });
  });

  it('drops filters without values', () => {
    expect(planSearch(state('trà', { filters: { stars: [] } }), CONTEXT).filters).toEqual({});
  });
});
