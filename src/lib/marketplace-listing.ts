/**
 * What a marketplace listing in `marketplaces` must be: a page of the named marketplace (its own
 * domain), and a product there, not a search or a category list. The build and a producer's
 * suggestion (src/lib/suggestions/) check it with the same words.
 */
export type MarketplaceId = 'shopee' | 'lazada' | 'tiki' | 'sendo' | 'voso' | 'postmart' | 'tiktok';

export const MARKETPLACE_DOMAINS: Record<MarketplaceId, string> = {
  shopee: 'shopee.vn',
  lazada: 'lazada.vn',
  tiki: 'tiki.vn',
  sendo: 'sendo.vn',
  voso: 'voso.vn',
  postmart: 'postmart.vn',
  tiktok: 'tiktok.com',
};

/** Paths of search, category and shop-front pages: none of them is one product. */
const NOT_A_LISTING = /^\/(search|catalog|tim-kiem|tag|discover|mall\/?$|danh-muc|c\/)|^\/?$/i;
/** Query parameters only searches carry. */
const SEARCH_PARAMETERS = ['keyword', 'q', 'query', 'search'];

/** Why `href` is not a listing of `marketplace` (a sentence naming the field), or undefined when it is one. */
export function marketplaceListingProblem(marketplace: MarketplaceId, href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return `marketplaces.${marketplace} must be a web address (https://…)`;
  }
  const domain = MARKETPLACE_DOMAINS[marketplace];
  const host = url.hostname.toLowerCase();
  if (host !== domain && !host.endsWith(`.${domain}`)) return `marketplaces.${marketplace} must be a page on ${domain}`;
  if (NOT_A_LISTING.test(url.pathname) || SEARCH_PARAMETERS.some((name) => url.searchParams.has(name))) {
    return `marketplaces.${marketplace} must be the product's own listing on ${domain}, not a search or a category page`;
  }
  return undefined;
}
