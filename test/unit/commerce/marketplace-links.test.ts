import { describe, expect, it } from 'vitest';
import { buyLinks, withUtm, zaloUrl } from '../../../src/lib/commerce/marketplace-links.ts';

describe('withUtm', () => {
  it('adds UTM parameters and keeps the link’s own query and fragment', () => {
    const url = new URL(withUtm('https://shopee.vn/shop/item?id=7#reviews', 'product-page', 'tuong-xay'));
    expect(url.searchParams.get('id')).toBe('7');
    expect(url.searchParams.get('utm_source')).toBe('ocop-catalogue');
    expect(url.searchParams.get('utm_medium')).toBe('referral');
    expect(url.searchParams.get('utm_campaign')).toBe('product-page');
    expect(url.searchParams.get('utm_content')).toBe('tuong-xay');
    expect(url.hash).toBe('#reviews');
  });
});

describe('buyLinks', () => {
  // Fixture only: no content file carries a marketplace listing.
  const source = {
    productId: 'tuong-xay',
    productName: 'Tương xay',
    marketplaces: { tiki: 'https://tiki.vn/tuong-xay-p123.html' },
    contacts: { facebook: 'https://facebook.com/thanhho', zalo: '0901 234 567', website: 'http://insecure.example' },
  };
  const links = buyLinks(source);

  it('lists the producer’s own listing first, then its channels, then searches', () => {
    expect(links.map((l) => `${l.kind}:${l.channel}`)).toEqual([
      'listing:tiki',
      'producer:facebook',
      'producer:zalo',
      'search:shopee',
      'search:lazada',
      'search:sendo',
      'search:tiktok',
    ]);
    expect(links[0].href.startsWith('https://tiki.vn/tuong-xay-p123.html?utm_source=ocop-catalogue')).toBe(true);
  });

  it('never offers a search on a marketplace that has a listing, and never an insecure link', () => {
    expect(links.filter((l) => l.channel === 'tiki')).toHaveLength(1);
    expect(links.some((l) => l.href.startsWith('http:'))).toBe(false);
  });

  it('searches for the product name, encoded', () => {
    const shopee = new URL(links.find((l) => l.channel === 'shopee')!.href);
    expect(shopee.origin).toBe('https://shopee.vn');
    expect(shopee.searchParams.get('keyword')).toBe('Tương xay');
  });

  it('with no listings offers only labelled searches', () => {
    const none = buyLinks({ ...source, marketplaces: {}, contacts: {} });
    expect(none.every((l) => l.kind === 'search')).toBe(true);
    expect(none.length).toBeGreaterThan(0);
  });
});

describe('zaloUrl', () => {
  it('turns a phone number into a zalo.me link', () => {
    expect(zaloUrl('0901 234 567')).toBe('https://zalo.me/0901234567');
    expect(zaloUrl('https://zalo.me/123456789')).toBe('https://zalo.me/123456789');
    expect(zaloUrl('abc')).toBeUndefined();
  });
});
