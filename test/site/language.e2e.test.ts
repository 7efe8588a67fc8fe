import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/** Switching language keeps the reader on the same page; money and dates follow the locale. */
describe('language switch and locale formats', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  });
  afterAll(async () => browser?.close());

  const lang = () => page.evaluate(() => document.documentElement.lang);
  const pathname = () => new URL(page.url()).pathname;
  const switchLanguage = async (expectedPath: string) => {
    await page.locator('a[data-language-switch]').click();
    await page.waitForURL(`${baseUrl}${expectedPath}`);
  };

  it('goes from a product to the same product in English and back', async () => {
    await page.goto(`${baseUrl}/san-pham/tuong-xay/`);
    expect(await lang()).toBe('vi');
    await expect(page.locator('a[data-language-switch]').textContent()).resolves.toBe('English');

    await switchLanguage('/en/products/tuong-xay/');
    expect(pathname()).toBe('/en/products/tuong-xay/');
    expect(await lang()).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ground soybean sauce');
    await expect(page.locator('a[data-language-switch]').textContent()).resolves.toBe('Tiếng Việt');

    await switchLanguage('/san-pham/tuong-xay/');
    expect(await lang()).toBe('vi');
    await expect(page.locator('h1').textContent()).resolves.toBe('Tương xay');
  });

  it('keeps the sort and the page number of a listing', async () => {
    await page.goto(`${baseUrl}/tinh/an-giang/ten/2/`);
    await switchLanguage('/en/provinces/an-giang/name/2/');
    expect(await lang()).toBe('en');
    await expect(page.locator('.listing-bar p').textContent()).resolves.toMatch(/^Showing 25–48 of 126 products$/);
    await switchLanguage('/tinh/an-giang/ten/2/');
    await expect(page.locator('.listing-bar p').textContent()).resolves.toMatch(/^Đang xem 25–48 trong 126 sản phẩm$/);
  });

  it('goes between the home pages', async () => {
    await page.goto(`${baseUrl}/`);
    await switchLanguage('/en/');
    expect(await lang()).toBe('en');
    await switchLanguage('/');
    expect(await lang()).toBe('vi');
  });

  const priceText = async (path: string) => {
    await page.goto(`${baseUrl}${path}`);
    return (await page.locator('main').textContent()) ?? '';
  };

  it('writes a price the Vietnamese way on Vietnamese pages: 35.000 ₫', async () => {
    const text = await priceText('/san-pham/tuong-xay/');
    expect(text).toMatch(/(^|[^\d.,])35\.000\s?₫/);
    expect(text).not.toMatch(/35,000/);
  });

  it('writes a price the English way on English pages: ₫35,000', async () => {
    const text = await priceText('/en/products/tuong-xay/');
    expect(text).toMatch(/₫\s?35,000(?![\d,.])/);
    expect(text).not.toMatch(/35\.000/);
  });

  it('writes dates day first with four-digit years in both locales, never ISO', async () => {
    for (const path of ['/san-pham/gao-nang-huong-kim-thien-loc/', '/en/products/gao-nang-huong-kim-thien-loc/']) {
      await page.goto(`${baseUrl}${path}`);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text, path).toContain('31/12/2023');
      expect(text, path).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    }
  });
});
