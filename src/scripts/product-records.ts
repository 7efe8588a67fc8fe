import type { ExportRecord } from '../lib/exports/records.ts';
import { MAX_RECORD_IDS } from '../lib/exports/record-request.ts';

/** Export records for these product ids from the server route, in the order given, in batches. */
export async function fetchProductRecords(ids: readonly string[]): Promise<{ products: ExportRecord[]; missing: string[] }> {
  const products: ExportRecord[] = [];
  const missing: string[] = [];
  for (let from = 0; from < ids.length; from += MAX_RECORD_IDS) {
    const batch = ids.slice(from, from + MAX_RECORD_IDS);
    const response = await fetch(`/api/products?ids=${batch.map(encodeURIComponent).join(',')}`);
    if (!response.ok) throw new Error(`product records: HTTP ${response.status}`);
    const body = (await response.json()) as { products: ExportRecord[]; missing: string[] };
    products.push(...body.products);
    missing.push(...body.missing);
  }
  return { products, missing };
}

/** Offers text as a file download, built in the browser (no round trip to the server). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
