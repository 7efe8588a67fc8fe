import { describe, expect, it } from 'vitest';
import { addToSitemapIndex, sitemapXml } from '../../src/lib/sitemap.ts';

describe('sitemaps of pages rendered on demand', () => {
  it('writes each URL with its hreflang pair, escaped', () => {
    const xml = sitemapXml([{ loc: 'https://ocop.vn/tim-kiem/?q=a&b', alternates: { vi: 'https://ocop.vn/a/', en: 'https://ocop.vn/en/a/' } }, { loc: 'https://ocop.vn/b/' }]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
    expect(xml).toContain('<url><loc>https://ocop.vn/tim-kiem/?q=a&amp;b</loc><xhtml:link rel="alternate" hreflang="vi" href="https://ocop.vn/a/"/><xhtml:link rel="alternate" hreflang="en" href="https://ocop.vn/en/a/"/></url>');
    expect(xml).toContain('<url><loc>https://ocop.vn/b/</loc></url>');
  });

  it('adds files to an existing sitemap index and refuses anything else', () => {
    const index = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://ocop.vn/sitemap-0.xml</loc></sitemap></sitemapindex>';
    const joined = addToSitemapIndex(index, ['https://ocop.vn/sitemap-catalogue-0.xml']);
    expect(joined.match(/<sitemap>/g)).toHaveLength(2);
    expect(joined.endsWith('<sitemap><loc>https://ocop.vn/sitemap-catalogue-0.xml</loc></sitemap></sitemapindex>')).toBe(true);
    expect(() => addToSitemapIndex('<urlset></urlset>', ['x'])).toThrow(/not a sitemap index/);
  });
});
