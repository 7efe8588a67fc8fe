import { pagePath, updatePath } from '../../src/lib/paths.ts';
import { sitemapPaths } from './served-site.ts';

/**
 * Pages of the running server by kind. The sitemaps list the public pages (prerendered or rendered
 * on demand); the personal pages they leave out on purpose (cart, checkout results) and the 404
 * page are added, so checks over "one page of every kind" see those too, and a producer's form
 * (not indexed).
 */
export const UNLISTED_PATHS = [
  ...(['vi', 'en'] as const).flatMap((locale) => [pagePath('cart', locale), pagePath('checkoutSuccess', locale), pagePath('checkoutCancel', locale), updatePath('tuong-xay', locale)]),
  '/404',
];

export async function listedAndUnlistedPaths(baseUrl: string): Promise<string[]> {
  return [...new Set([...(await sitemapPaths(baseUrl)), ...UNLISTED_PATHS])].sort();
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
