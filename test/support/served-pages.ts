import { pagePath } from '../../src/lib/paths.ts';

/**
 * The pages the running server offers, collected the way a crawler would: from the sitemap it
 * serves (pages may be prerendered or rendered on demand), plus the personal pages the sitemap
 * leaves out on purpose (cart, checkout results) and the 404 page.
 */
export const UNLISTED_PATHS = [
  ...(['vi', 'en'] as const).flatMap((locale) => [pagePath('cart', locale), pagePath('checkoutSuccess', locale), pagePath('checkoutCancel', locale)]),
  '/404',
];

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

export async function sitemapPaths(baseUrl: string): Promise<string[]> {
  const text = async (url: string) => {
    const response = await fetch(new URL(new URL(url).pathname, baseUrl));
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  };
  const index = await text(new URL('/sitemap-index.xml', baseUrl).href);
  const sitemaps = await Promise.all(locs(index).map(text));
  return [...new Set(sitemaps.flatMap(locs).map((loc) => new URL(loc).pathname))].sort();
}

export async function servedPaths(baseUrl: string): Promise<string[]> {
  return [...(await sitemapPaths(baseUrl)), ...UNLISTED_PATHS];
}

/**
 * The kind of a page, from its address: its first folder (two under /en/), so /tinh/an-giang/ten/2/
 * and /tinh/kien-giang/ are both "tinh", and /en/products/x/ is "en/products".
 */
export function pageKind(urlPath: string): string {
  const parts = urlPath.split('/').filter(Boolean);
  return (parts[0] === 'en' ? parts.slice(0, 2) : parts.slice(0, 1)).join('/') || 'home';
}

/** One page of every kind (the first in address order), both languages. */
export function onePerKind(paths: string[]): string[] {
  const byKind = new Map<string, string>();
  for (const urlPath of paths) if (!byKind.has(pageKind(urlPath))) byKind.set(pageKind(urlPath), urlPath);
  return [...byKind.values()];
}
