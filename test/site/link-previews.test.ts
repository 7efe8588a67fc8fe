import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/** What Zalo, Facebook and other link previews read from a page, as the server sends it. */
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('link previews and sharing', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  beforeAll(async () => (browser = await launchChromium()));
  afterAll(async () => browser?.close());

  it.each([
    ['/san-pham/mat-thot-not-dang-bot/', 'vi_VN', 'en_GB', 'Mật thốt nốt dạng bột'],
    ['/en/products/mat-thot-not-dang-bot/', 'en_GB', 'vi_VN', 'Palm sugar powder'],
    ['/', 'vi_VN', 'en_GB', 'OCOP'],
    ['/en/', 'en_GB', 'vi_VN', 'OCOP'],
  ])('%s gives title, description, a 1200×630 image with its alt text, and both locales', async (urlPath, locale, alternate, title) => {
    const html = await (await fetch(new URL(urlPath, baseUrl))).text();
    expect(meta(html, 'og:title')).toContain(title);
    expect(meta(html, 'og:description')?.length).toBeGreaterThan(20);
    expect(meta(html, 'og:locale')).toBe(locale);
    expect(meta(html, 'og:locale:alternate')).toBe(alternate);
    expect(meta(html, 'og:image:alt')?.length).toBeGreaterThan(10);
    expect(meta(html, 'twitter:image:alt')).toBe(meta(html, 'og:image:alt'));
    const image = meta(html, 'og:image')!;
    expect(image).toMatch(/^https?:\/\//);
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '630']);
    const png = await fetch(new URL(new URL(image).pathname, baseUrl));
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });

  it('opens the phone’s share sheet with the page’s name and short link where the browser has one', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    await page.addInitScript(() => {
      (window as unknown as { shared: ShareData[] }).shared = [];
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => void (window as unknown as { shared: ShareData[] }).shared.push(data),
      });
    });
    await page.goto(new URL('/en/products/mat-thot-not-dang-bot/', baseUrl).href);
    await page.getByRole('button', { name: 'Share…' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toHaveLength(1);
    expect(shared[0].title).toBe('Palm sugar powder');
    expect(shared[0].url).toMatch(/\/s\/p[a-z0-9]+$/);
    await page.close();
  });

  it('hides the share button where there is no share sheet, keeping copy and Facebook', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.addInitScript(() => delete (Navigator.prototype as Partial<Navigator>).share);
    await page.goto(new URL('/san-pham/mat-thot-not-dang-bot/', baseUrl).href);
    await expect(page.getByRole('button', { name: 'Chia sẻ…' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Sao chép', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Chia sẻ lên Facebook' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
