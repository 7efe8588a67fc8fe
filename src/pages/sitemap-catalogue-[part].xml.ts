import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogueSitemapChunks } from '../data/sitemap-entries.ts';
import { sitemapXml, type SitemapEntry } from '../lib/sitemap.ts';

/** The sitemap files of the pages rendered on demand, 40,000 URLs each; listed in sitemap-index.xml. */
export const getStaticPaths = (async () => {
  const chunks = await catalogueSitemapChunks(new URL(import.meta.env.SITE));
  return chunks.map((entries, index) => ({ params: { part: String(index) }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(sitemapXml((props as { entries: SitemapEntry[] }).entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
