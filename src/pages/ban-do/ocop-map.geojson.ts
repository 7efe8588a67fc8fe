import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue.ts';
import { cachedMapFeatures } from '../../data/map-data.ts';

/** Written once at build time (MAP_DATA_PATH); every map on the site fetches this one file. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(cachedMapFeatures(await getCatalogue())), {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
