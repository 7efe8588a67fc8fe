import { describe, expect, inject, it } from 'vitest';

/** English pages lead with English names: written ones as they are, derived ones labelled. */
describe('English names on English pages', () => {
  const baseUrl = inject('baseUrl');
  const page = async (urlPath: string) => (await fetch(new URL(urlPath, baseUrl))).text();
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => [JSON.parse(m[1])].flat()) as Array<Record<string, unknown>>;

  it('titles an English product page in English, with the Vietnamese name and the translation label', async () => {
    const html = await page('/en/products/nuoc-mam-40-do-dam/');
    expect(html).toMatch(/<h1[^>]*lang="en"[^>]*>Fish sauce 40°N<\/h1>/);
    expect(html).toContain('Vietnamese name: <span lang="vi">Nước mắm 40 độ đậm</span>');
    expect(html).toContain('translated from the Vietnamese name');
    expect(html).toMatch(/<title>Fish sauce 40°N · OCOP Vietnam<\/title>/);
    const product = jsonLd(html).find((item) => item['@type'] === 'Product')!;
    expect(product.name).toBe('Fish sauce 40°N');
    expect(product.alternateName).toBe('Nước mắm 40 độ đậm');
  });

  it('keeps the Vietnamese page Vietnamese, naming the English as an alternate', async () => {
    const html = await page('/san-pham/nuoc-mam-40-do-dam/');
    expect(html).toMatch(/<h1[^>]*lang="vi"[^>]*>Nước mắm 40 độ đậm<\/h1>/);
    const product = jsonLd(html).find((item) => item['@type'] === 'Product')!;
    expect(product.name).toBe('Nước mắm 40 độ đậm');
    expect(product.alternateName).toBe('Fish sauce 40°N');
  });

  it('names cards in English on English listings, and sorts them by that name', async () => {
    const html = await page('/en/stars/5/name/');
    const titles = [...html.matchAll(/class="card__title" lang="en"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'vi')));
  });

  it('gives English prices per English unit on product pages and in the cart', async () => {
    expect(await page('/en/products/tuong-xay/')).toContain('/ 500 ml bottle');
    const cart = await page('/en/cart/');
    expect(cart).toContain('Ground soybean sauce');
    expect(cart).toContain('500 ml bottle');
  });
});
