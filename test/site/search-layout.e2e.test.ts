import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/**
 * The search page at national size: the first results are in view on a phone and a desktop, the
 * filters sit beside the results on wide screens and fold away on phones, and districts (some 700
 * nationally) are offered only within the chosen province.
 */
describe('search page layout', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(`${baseUrl}${path}`);
    await page.waitForSelector('.result', { timeout: 20_000 });
    return page;
  }

  const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows the first result without scrolling (${name}, ${viewport.width}×${viewport.height})`, async () => {
      const page = await open(viewport, '/en/search/?q=fish+sauce');
      const first = await box(page, '.result');
      expect(first.y + first.height, 'bottom of the first result').toBeLessThanOrEqual(viewport.height);
      await page.close();
    });
  }

  it('puts the filters beside the results on a desktop, open', async () => {
    const page = await open(VIEWPORTS.desktop, '/tim-kiem/?q=mam');
    expect(await page.locator('details[data-filters]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await page.waitForSelector('details[data-filters] input[name="stars"]');
    const filters = await box(page, 'details[data-filters]');
    const result = await box(page, '.result');
    expect(filters.x + filters.width).toBeLessThanOrEqual(result.x);
    expect(Math.abs(filters.y - result.y)).toBeLessThan(120);
    await page.close();
  });

  it('folds the filters away on a phone, counting the ones in use', async () => {
    const page = await open(VIEWPORTS.phone, '/tim-kiem/?q=mam&stars=4+sao');
    const details = page.locator('details[data-filters]');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await page.locator('[data-filter-count]').textContent()).toBe('1');
    await page.close();
  });

  it('offers districts only within the chosen province', async () => {
    const page = await open(VIEWPORTS.desktop, '/tim-kiem/?q=mam');
    await page.waitForSelector('details[data-filters] input[name="province"]');
    expect(await page.locator('input[name="district"]').count(), 'no province chosen').toBe(0);
    expect(await page.locator('[data-district-hint]').isVisible()).toBe(true);
    await page.locator('input[name="province"][value="Đồng Tháp"]').check();
    await page.waitForFunction(() => document.querySelectorAll('input[name="district"]').length > 0 || /province=/.test(location.search), undefined, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const districts = await page.locator('input[name="district"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    // Đồng Tháp's products in the catalogue name no district; An Giang's do.
    expect(districts.every((value) => !/An Giang|Kiên Giang/.test(value)), districts.join(', ')).toBe(true);
    await page.locator('input[name="province"][value="Đồng Tháp"]').uncheck();
    await page.locator('input[name="province"][value="An Giang"]').check();
    await page.waitForFunction(() => document.querySelectorAll('input[name="district"]').length > 0, undefined, { timeout: 10_000 });
    const inAnGiang = await page.locator('input[name="district"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(inAnGiang.length).toBeGreaterThan(3);
    expect(inAnGiang.every((value) => /\((An Giang|Kiên Giang)\)$/.test(value)), inAnGiang.join(', ')).toBe(true);
    expect(await page.locator('[data-district-hint]').isVisible()).toBe(false);
    await page.close();
  });
});
