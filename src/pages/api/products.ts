import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue.ts';
import { productRecord } from '../../data/exports.ts';
import { pickRecords, type ExportRecord } from '../../lib/exports/records.ts';
import { readRecordRequest } from '../../lib/exports/record-request.ts';
import { json } from '../../server/http.ts';

/**
 * Export records for the products a browser asks for (the shortlist, a list's "download this list"):
 * on demand, so nothing per product is written at build time, and the browser builds the file.
 * GET /api/products?ids=tuong-xay,mam-ca-sac → { products: ExportRecord[], missing: string[] }.
 */
export const prerender = false;

let records: Promise<Map<string, ExportRecord>> | undefined;

export const GET: APIRoute = async ({ url, site }) => {
  const request = readRecordRequest(url.searchParams);
  if ('error' in request) return json({ error: request.error }, 400);
  records ??= getCatalogue().then((catalogue) => new Map(catalogue.products.map((p) => [p.slug, productRecord(p, catalogue, site!)])));
  const byId = await records;
  const products = pickRecords(byId, request.ids);
  const missing = request.ids.filter((id) => !byId.has(id));
  // Public catalogue data: caches may keep it a few minutes.
  return json({ products, missing }, 200, { 'Cache-Control': 'public, max-age=300' });
};
