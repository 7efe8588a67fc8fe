import { describe, expect, inject, it } from 'vitest';
import type { SearchAnswer } from '../../src/lib/search-answer.ts';

/**
 * GET /api/search: what the search page's script asks after its first answer. One small JSON answer
 * per search, the same the page's HTML was drawn from, cacheable, and a reason for bad input.
 */
describe('the search API', () => {
  const baseUrl = inject('baseUrl');
  const ask = (query: string) => fetch(`${baseUrl}/api/search?${query}`);
  const answer = async (query: string) => {
    const response = await ask(query);
    expect(response.status, query).toBe(200);
    return (await response.json()) as SearchAnswer;
  };

  it('answers the first page of results with what each result shows, the count and the filters', async () => {
    const found = await answer('q=nuoc+mam&locale=vi');
    expect(found.total).toBeGreaterThan(3);
    expect(found.page).toBe(1);
    expect(found.hits[0]).toEqual({ url: expect.stringMatching(/^\/san-pham\//), title: expect.stringMatching(/^nước mắm/i), stars: expect.any(Number), potential: expect.any(Boolean), producer: expect.any(String), place: expect.any(String), image: expect.stringMatching(/^\/_(astro\/|image\?)/) });
    const picture = await fetch(new URL(found.hits[0].image, baseUrl));
    expect(picture.status, found.hits[0].image).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/webp');
    const stars = found.filters.find((filter) => filter.name === 'stars');
    expect(stars?.values.reduce((sum, value) => sum + value.count, 0)).toBe(found.total);
  });

  it('searches the English catalogue for English pages, and reads stars in the query', async () => {
    const found = await answer('q=fish+sauce+4+stars&locale=en');
    expect(found.understood).toEqual(['4 stars']);
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits.every((hit) => hit.url.startsWith('/en/products/') && hit.stars === 4)).toBe(true);
  });

  it('gives the later pages of a search', async () => {
    const [first, second] = await Promise.all([answer(''), answer('page=2')]);
    expect(first.total).toBe(130);
    expect(second.hits).toHaveLength(24);
    expect(second.hits.map((hit) => hit.url).filter((url) => first.hits.some((hit) => hit.url === url))).toEqual([]);
  });

  it('refuses bad input with a 400 and the reason, as JSON', async () => {
    for (const query of ['q=a&colour=red', `q=${'a'.repeat(201)}`, 'sort=price', 'page=0', 'locale=fr']) {
      const response = await ask(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await response.json()) as { error: string }).error, query).toMatch(/\w+/);
    }
  });

  it('may be kept by caches, and keeps one answer per search whatever the order of its parameters', async () => {
    const first = await ask('q=tra&stars=4+sao&locale=vi');
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=15');
    await first.arrayBuffer();
    const again = await ask('locale=vi&stars=4+sao&q=%20tra');
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(await again.json()).toEqual(await answer('q=tra&stars=4+sao&locale=vi'));
  });
});
