import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue.ts';
import { productRecord } from '../../data/exports.ts';
import { readRecordRequest } from '../../lib/exports/record-request.ts';
import { json, methodNotAllowed } from '../../server/http.ts';

/**
 * Export records for the products a browser asks for (the shortlist, a list's "download this list"):
 * on demand, so nothing per product is written at build time, and the browser builds the file.
 * GET /api/products?ids=tuong-xay,mam-ca-sac → { products: ExportRecord[], missing: string[] }.
 */
export const prerender = false;

export const GET: APIRoute = async ({ url, site }) => {
  const request = readRecordRequest(url.searchParams);
  if ('error' in request) return json({ error: request.error }, 400);
  // Only the asked-for records are made: building all 20,000 for a shortlist of three took 2.5 s.
  const catalogue = await getCatalogue();
  const products = [...new Set(request.ids)].flatMap((id) => {
    const product = catalogue.productBySlug.get(id);
    return product ? [productRecord(product, catalogue, site!)] : [];
  });
  const missing = request.ids.filter((id) => !catalogue.productBySlug.has(id));
  // Public catalogue data: caches may keep it a few minutes.
  return json({ products, missing }, 200, { 'Cache-Control': 'public, max-age=300' });
};

export const ALL = methodNotAllowed('GET');
