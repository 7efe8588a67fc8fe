import { describe, expect, it } from 'vitest';
import { readSearchRequest } from '../../src/lib/search-request.ts';

const read = (query: string) => readSearchRequest(new URLSearchParams(query));

describe('a search request to the server', () => {
  it('reads the query, language, filters, order and page', () => {
    expect(read('q=  mat   ong &locale=en&stars=4+stars&stars=5+stars&sort=stars&page=2')).toEqual({
      locale: 'en',
      state: { query: 'mat ong', filters: { stars: ['4 stars', '5 stars'] }, sort: 'stars' },
      page: 2,
    });
    expect(read('')).toEqual({ locale: 'vi', state: { query: '', filters: {}, sort: 'relevance' }, page: 1 });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(read('q=a&colour=red')).toEqual({ error: expect.stringMatching(/^unknown parameter: "colour"/) });
    expect(read(`q=${'a'.repeat(201)}`)).toEqual({ error: 'the query is longer than 200 characters' });
    expect(read('sort=price')).toEqual({ error: expect.stringMatching(/^sort must be one of relevance/) });
    expect(read('locale=fr')).toEqual({ error: 'locale must be vi or en' });
    for (const page of ['0', '-1', '1.5', 'two', '1001']) expect(read(`page=${page}`), page).toEqual({ error: expect.stringMatching(/^page must be/) });
    expect(read(`stars=${'x'.repeat(121)}`)).toEqual({ error: expect.stringMatching(/longer than 120/) });
    expect(read(Array.from({ length: 51 }, (_, i) => `district=d${i}`).join('&'))).toEqual({ error: 'at most 50 values of district' });
  });
});
