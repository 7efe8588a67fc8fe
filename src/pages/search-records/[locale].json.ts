import type { APIRoute, GetStaticPaths } from 'astro';
import { searchRecords } from '../../data/search-records.ts';
import type { Locale } from '../../i18n/ui.ts';

/**
 * The search index's input, one file of records per language: scripts/build-search-index.ts turns
 * them into Pagefind's input after the build and then deletes the file, so it is never served.
 */
export const getStaticPaths = (() => [{ params: { locale: 'vi' } }, { params: { locale: 'en' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const records = await searchRecords(params.locale as Locale);
  return new Response(JSON.stringify(records), {
    headers: { 'Content-Type': 'application/json' },
  });
};
