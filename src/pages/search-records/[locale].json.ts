import type { APIRoute, GetStaticPaths } from 'astro';
import { searchRecords } from '../../data/search-records.ts';
import type { Locale } from '../../i18n/ui.ts';
import { searchRecordHtml } from '../../lib/search-record.ts';

/**
 * The search index's input, one file per language: scripts/build-search-index.ts feeds it to
 * Pagefind after the build and then deletes it, so it is never served.
 */
export const getStaticPaths = (() => [{ params: { locale: 'vi' } }, { params: { locale: 'en' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const records = await searchRecords(params.locale as Locale);
  return new Response(JSON.stringify(records.map((record) => ({ url: record.url, html: searchRecordHtml(record) }))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
