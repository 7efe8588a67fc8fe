import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

describe('on a phone', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
  });
  afterAll(async () => browser?.close());

  // clientWidth, not innerWidth: a phone browser widens its layout viewport to fit a too-wide page.
  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('opens the home page with the catalogue and no sideways scrolling', async () => {
    const response = await page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sản phẩm OCOP được chứng nhận');
    // Browsing starts from the star, province and group listings; the five-star products are shown.
    await expect(page.getByRole('link', { name: /5 sao/ }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: /An Giang/ }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(7);
    expect(await fitsTheScreen()).toBe(true);
  });

  it('goes from a product card to its product page', async () => {
    await page.goto(baseUrl);
    const card = page.locator('.card__title a', { hasText: 'Mật thốt nốt dạng sệt' }).first();
    await card.click();
    await page.waitForURL('**/san-pham/mat-thot-not-dang-set/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Mật thốt nốt dạng sệt');
    await expect(page.getByText('Tiềm năng 5 sao').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Công ty cổ phần Palmania' }).first().isVisible()).resolves.toBe(true);
    expect(await fitsTheScreen()).toBe(true);
  });
});
