import { describe, expect, inject, it } from 'vitest';
import { fetchPage } from '../../support/served-site.ts';

const baseUrl = inject('baseUrl');
const page = (urlPath: string) => fetchPage(baseUrl, urlPath);

/** The buy box as it is served, before any JavaScript runs. */
describe('buy box on product pages', () => {
  const links = (html: string) => [...html.matchAll(/<a class="chip" href="([^"]+)" target="_blank" rel="([^"]+)" data-kind="(\w+)"/g)].map(([, href, rel, kind]) => ({ href: href.replace(/&amp;/g, '&'), rel, kind }));

  it('lists labelled marketplace searches with UTM parameters, opening safely, without JavaScript', async () => {
    const html = await page('/san-pham/tuong-xay/');
    const found = links(html);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const link of found) {
      expect(link.rel.split(' ')).toContain('noopener');
      const url = new URL(link.href);
      expect(url.protocol).toBe('https:');
      expect(url.searchParams.get('utm_source')).toBe('ocop-catalogue');
      expect(url.searchParams.get('utm_content')).toBe('tuong-xay');
    }
    // No content file publishes a listing, so every link is a search, and says so.
    expect(found.every((link) => link.kind === 'search')).toBe(true);
    expect(html).toContain('Tìm trên Shopee');
    expect(html).toContain('kết quả có thể là của người bán khác');
  });

  it('offers add-to-cart for a purchasable product, and explains why not otherwise', async () => {
    expect(await page('/san-pham/tuong-xay/')).toContain('Thêm vào giỏ');
    const expired = await page('/san-pham/nuoc-mam-40-do-dam/');
    expect(expired).not.toContain('Thêm vào giỏ');
    expect(expired).toContain('giấy chứng nhận OCOP của sản phẩm không còn hiệu lực');
    const unpriced = await page('/en/products/atiso-do-say-deo/');
    expect(unpriced).toContain('the producer has not published a price');
  });

  it('shows the price in đồng for each locale', async () => {
    expect(await page('/san-pham/tuong-xay/')).toMatch(/<strong>35\.000\s₫<\/strong>/);
    expect(await page('/en/products/tuong-xay/')).toMatch(/<strong>₫35,000<\/strong>/);
  });
});
