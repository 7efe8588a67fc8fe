import { MARKETPLACES, type Marketplace } from '../content-schemas.ts';

/**
 * Where else a product can be bought: the producer's own listings from content first, then the
 * producer's own channels, then (clearly labelled) a search for the product name on marketplaces
 * where it has no listing. Nothing here invents a listing.
 */
export const MARKETPLACE_NAMES: Record<Marketplace, string> = {
  shopee: 'Shopee',
  lazada: 'Lazada',
  tiki: 'Tiki',
  sendo: 'Sendo',
  voso: 'Voso',
  postmart: 'Postmart',
  tiktok: 'TikTok Shop',
};

/**
 * Search pages whose address we know. Voso and Postmart are left out: their search URLs are not
 * documented, and a guessed one would send people to an error page.
 */
const SEARCH_URLS: Partial<Record<Marketplace, (query: string) => string>> = {
  shopee: (q) => `https://shopee.vn/search?keyword=${encodeURIComponent(q)}`,
  lazada: (q) => `https://www.lazada.vn/catalog/?q=${encodeURIComponent(q)}`,
  tiki: (q) => `https://tiki.vn/search?q=${encodeURIComponent(q)}`,
  sendo: (q) => `https://www.sendo.vn/tim-kiem?q=${encodeURIComponent(q)}`,
  tiktok: (q) => `https://www.tiktok.com/search?q=${encodeURIComponent(q)}`,
};

export const UTM = { source: 'ocop-catalogue', medium: 'referral' } as const;

/** Adds UTM parameters without disturbing the link's own query or fragment. */
export function withUtm(href: string, campaign: string, content?: string): string {
  const url = new URL(href);
  url.searchParams.set('utm_source', UTM.source);
  url.searchParams.set('utm_medium', UTM.medium);
  url.searchParams.set('utm_campaign', campaign);
  if (content) url.searchParams.set('utm_content', content);
  return url.href;
}

export type BuyLinkKind = 'listing' | 'producer' | 'search';
export type ProducerChannel = 'website' | 'facebook' | 'zalo';

export interface BuyLink {
  kind: BuyLinkKind;
  channel: Marketplace | ProducerChannel;
  name: string;
  href: string;
}

export interface BuyLinkSource {
  productId: string;
  productName: string;
  marketplaces: Partial<Record<Marketplace, string>>;
  contacts: { website?: string; facebook?: string; zalo?: string };
}

/** Zalo contacts are written as a phone number or a zalo.me link. */
export function zaloUrl(zalo: string): string | undefined {
  if (/^https:\/\//.test(zalo)) return zalo;
  const digits = zalo.replace(/[^\d]/g, '');
  return digits.length >= 9 ? `https://zalo.me/${digits}` : undefined;
}

const isHttps = (href: string | undefined): href is string => Boolean(href && /^https:\/\//.test(href));

export function buyLinks(source: BuyLinkSource, campaign = 'product-page'): BuyLink[] {
  const tag = (href: string) => withUtm(href, campaign, source.productId);
  const listings = MARKETPLACES.filter((m) => isHttps(source.marketplaces[m])).map(
    (m): BuyLink => ({ kind: 'listing', channel: m, name: MARKETPLACE_NAMES[m], href: tag(source.marketplaces[m]!) }),
  );
  const own: BuyLink[] = [];
  if (isHttps(source.contacts.website)) own.push({ kind: 'producer', channel: 'website', name: 'Website', href: tag(source.contacts.website) });
  if (isHttps(source.contacts.facebook)) own.push({ kind: 'producer', channel: 'facebook', name: 'Facebook', href: tag(source.contacts.facebook) });
  const zalo = source.contacts.zalo && zaloUrl(source.contacts.zalo);
  if (zalo) own.push({ kind: 'producer', channel: 'zalo', name: 'Zalo', href: zalo });
  const searches = MARKETPLACES.filter((m) => !source.marketplaces[m] && SEARCH_URLS[m]).map(
    (m): BuyLink => ({ kind: 'search', channel: m, name: MARKETPLACE_NAMES[m], href: tag(SEARCH_URLS[m]!(source.productName)) }),
  );
  return [...listings, ...own, ...searches];
}
