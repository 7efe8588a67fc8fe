import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';
import { RANKED_QUERIES, rankOf } from '../support/search-queries.ts';

/** What visitors type must bring a product of that kind first (the table is shared with `npm run bench -- search-ranking`). */
describe('search ranking', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS.phone });
  });
  afterAll(async () => browser?.close());

  it.each(RANKED_QUERIES.map((item) => [`${item.locale}: ${item.query}`, item] as const))('%s', async (_, item) => {
    const rank = await rankOf(page, baseUrl, item);
    expect(rank, 'rank of the first right result').toBeDefined();
    expect(rank!).toBeLessThanOrEqual(item.atMost ?? 1);
  });

  it('reads a star level and a province in the query as filters, and says so', async () => {
    await page.goto(`${baseUrl}/tim-kiem/?q=${encodeURIComponent('an giang 5 sao')}`);
    await page.waitForSelector('.result');
    const stars = await page.locator('.result .stars__icons').allTextContents();
    expect(stars.length).toBeGreaterThan(0);
    expect(stars.every((icons) => icons.length === 5)).toBe(true);
    expect(await page.locator('[data-status]').textContent()).toMatch(/hiểu là 5 sao, An Giang/);
  });
});
