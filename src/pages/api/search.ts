import type { APIRoute } from 'astro';
import { SEARCH_CACHE_CONTROL } from '../../lib/cache-policy.ts';
import { readSearchRequest } from '../../lib/search-request.ts';
import { json } from '../../server/http.ts';
import { searchCatalogue } from '../../server/search.ts';

/**
 * The search page's searches after its first answer (which is in its HTML): one small JSON answer
 * per query with the first page of results, the count and the filters, so a phone never loads the
 * index. GET /api/search?q=mat+ong&locale=vi&stars=4+sao&sort=stars&page=2 → SearchAnswer.
 */
export const prerender = false;

export const GET: APIRoute = async ({ url }) => {
  const request = readSearchRequest(url.searchParams);
  if ('error' in request) return json({ error: request.error }, 400);
  const started = performance.now();
  let answer;
  try {
    answer = await searchCatalogue(request.locale, request.state, request.page);
  } catch (error) {
    // No index in this build: the page's script then searches with the browser's own.
    console.error('search:', error);
    return json({ error: 'search is unavailable on this server' }, 503);
  }
  // Public catalogue data that changes only with a publish: kept as catalogue pages are.
  return json(answer, 200, { 'Cache-Control': SEARCH_CACHE_CONTROL, 'Server-Timing': `search;dur=${(performance.now() - started).toFixed(1)}` });
};
