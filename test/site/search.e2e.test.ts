import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { foldVietnamese } from '../../src/lib/text.ts';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/**
 * The search page on a phone: results from the server in the HTML and on each search, filters,
 * sorting, "more", the shareable URL, without JavaScript, and the browser's own index when the
 * server cannot answer.
 */
describe('search on a phone', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    await page?.context().close();
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    page = await context.newPage();
  });
  afterAll(async () => browser?.close());

  const COUNT = /^(\d+) (sản phẩm|products)$/;
  const NONE = /^(Không tìm thấy|No products found)/;

  /** The status line once Pagefind has answered: the number of results (0 for none). */
  async function resultCount(): Promise<number> {
    const status = page.locator('[data-status]');
    await page.waitForFunction(
      ([count, none]) => {
        const text = document.querySelector('[data-status]')?.textContent?.trim() ?? '';
        return new RegExp(count).test(text) || new RegExp(none).test(text);
      },
      [COUNT.source, NONE.source],
      { timeout: 20_000 },
    );
    const text = (await status.textContent())!.trim();
    const count = Number(COUNT.exec(text)?.[1] ?? 0);
    // The status is set first, then the results render: wait for the first page of them (24).
    await page.waitForFunction((shown) => document.querySelectorAll('.result__title a').length === shown, Math.min(count, 24), { timeout: 20_000 });
    return count;
  }

  /** Waits until the status line leaves a known text, then returns the new count. */
  async function countAfterChangeFrom(previous: string): Promise<number> {
    await page.waitForFunction((before) => document.querySelector('[data-status]')?.textContent?.trim() !== before, previous, { timeout: 20_000 });
    return resultCount();
  }

  const titles = () => page.locator('.result__title a').allTextContents();
  /** The certified name is "Đường Thốt nốt dạng hũ": compare names without regard to case. */
  const lower = (names: string[]) => names.map((name) => name.toLocaleLowerCase('vi'));
  const hrefs = () => page.locator('.result__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

  async function search(path: string): Promise<number> {
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    return resultCount();
  }

  /** Opens the filters panel (closed on phones) and returns the checkbox of a filter value. */
  async function filterBox(name: string, value: string) {
    const details = page.locator('details[data-filters]');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
    return page.locator(`details[data-filters] input[type=checkbox][name="${name}"][value="${value}"]`);
  }

  it.each([
    ['with diacritics', 'Đường thốt nốt'],
    ['without diacritics', 'duong thot not'],
  ])('finds "Đường thốt nốt dạng hũ" %s', async (_, query) => {
    const count = await search(`/tim-kiem/?q=${encodeURIComponent(query)}`);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(130);
    expect(lower(await titles())).toContain('đường thốt nốt dạng hũ');
  });

  it('finds the Phú Quốc fish sauces for "nuoc mam phu quoc"', async () => {
    await search('/tim-kiem/?q=nuoc+mam+phu+quoc');
    const found = await titles();
    expect(found).toEqual(expect.arrayContaining(['Nước mắm 30 độ đậm', 'Nước mắm 40 độ đậm']));
    expect(found.slice(0, 4), 'the fish sauces come first').toEqual(expect.arrayContaining(['Nước mắm 30 độ đậm', 'Nước mắm 40 độ đậm']));
  });

  it('finds "Mật thốt nốt dạng sệt" for "mat thot not"', async () => {
    await search('/tim-kiem/?q=mat+thot+not');
    expect(await titles()).toContain('Mật thốt nốt dạng sệt');
  });

  it('filters by stars, puts the filter in the URL, and restores it on reload', async () => {
    const all = await search('/tim-kiem/');
    expect(all).toBe(130);
    const before = (await page.locator('[data-status]').textContent())!.trim();
    const box = await filterBox('stars', '5 sao');
    await box.check();
    const filtered = await countAfterChangeFrom(before);
    expect(filtered).toBe(2);
    await page.waitForURL((url) => url.searchParams.getAll('stars').join() === '5 sao');
    expect(new URL(page.url()).search).toBe('?stars=5+sao');
    const shown = await titles();
    expect(shown).toHaveLength(2);

    await page.reload();
    expect(await resultCount()).toBe(2);
    expect(await (await filterBox('stars', '5 sao')).isChecked()).toBe(true);
    expect(await (await filterBox('stars', '4 sao')).isChecked()).toBe(false);
    expect((await titles()).sort()).toEqual([...shown].sort());
  });

  it('sorts by name, in order and in the URL', async () => {
    await search('/tim-kiem/?stars=4+sao');
    const byStars = await titles();
    await page.locator('select[name="sort"]').selectOption('name');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
    expect(new URL(page.url()).searchParams.getAll('stars')).toEqual(['4 sao']);
    await expect
      .poll(async () => {
        const names = await titles();
        return names.length > 0 && names.join('|') !== byStars.join('|');
      }, { timeout: 10_000 })
      .toBe(true);
    const byName = await titles();
    const sorted = [...byName].sort((a, b) => foldVietnamese(a).localeCompare(foldVietnamese(b), 'en'));
    expect(byName).toEqual(sorted);

    await page.reload();
    await resultCount();
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('name');
    expect(await titles()).toEqual(byName);
  });

  it('searches the English catalogue from the English page', async () => {
    const count = await search('/en/search/?q=duong+thot+not');
    expect(count).toBeGreaterThan(0);
    // English results carry the English name of "Đường Thốt nốt dạng hũ", found by its Vietnamese one.
    expect(lower(await titles())).toContain('palm sugar in jars');
    const links = await hrefs();
    expect(links.every((href) => href?.startsWith('/en/products/')), links.join(' ')).toBe(true);
  });

  it('filters with English labels on the English page', async () => {
    expect(await search('/en/search/?stars=5+stars')).toBe(2);
    expect(await (await filterBox('stars', '5 stars')).isChecked()).toBe(true);
    expect((await hrefs()).every((href) => href?.startsWith('/en/products/'))).toBe(true);
  });

  it('keeps Vietnamese results on the Vietnamese page', async () => {
    await search('/tim-kiem/?q=duong+thot+not');
    const links = await hrefs();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href?.startsWith('/san-pham/')), links.join(' ')).toBe(true);
  });

  it('corrects a misspelt word and says what it searched for', async () => {
    await page.goto(`${baseUrl}/tim-kiem/?q=nuoc+mam+phu+quok`);
    expect(await page.locator('[data-status]').textContent()).toMatch(/^2 sản phẩm · đã sửa thành “nuoc mam phu quốc”$/);
    expect((await titles()).sort()).toEqual(['Nước mắm 30 độ đậm', 'Nước mắm 40 độ đậm']);
  });

  it('adds the next results below the first ones with "more"', async () => {
    expect(await search('/tim-kiem/')).toBe(130);
    const first = await hrefs();
    await page.locator('[data-more] a').click();
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 48, undefined, { timeout: 20_000 });
    const both = await hrefs();
    expect(both.slice(0, 24)).toEqual(first);
    expect(new Set(both).size).toBe(48);
    expect(new URL(page.url()).search, 'the address still names the search, not a page').toBe('');
  });

  it('searches with the browser’s own index when the server cannot answer', async () => {
    await search('/tim-kiem/?q=mam');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.route('**/api/search**', (route) => route.abort('connectionfailed'));
    const before = (await page.locator('[data-status]').textContent())!.trim();
    await page.locator('[data-search] input[name="q"]').fill('duong thot not');
    expect(await countAfterChangeFrom(before)).toBeGreaterThan(0);
    expect(lower(await titles())).toContain('đường thốt nốt dạng hũ');
    expect(asked).toContain('/pagefind/pagefind.js');
  });

  /** A shared link opened where JavaScript does not run (or before it does): the server's HTML alone. */
  describe('without JavaScript', () => {
    beforeEach(async () => {
      await page.context().close();
      page = await (await browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false })).newPage();
    });

    it.each([
      ['/tim-kiem/?q=mat+ong', /^\d+ sản phẩm$/, /^mật ong/i],
      ['/en/search/?q=honey', /^\d+ products?$/, /honey/i],
    ])('shows the first results of %s in the HTML', async (path, count, title) => {
      await page.goto(`${baseUrl}${path}`);
      expect((await page.locator('[data-status]').textContent())?.trim()).toMatch(count);
      const found = await titles();
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatch(title);
    });

    it('filters by submitting the form, and pages with links', async () => {
      await page.goto(`${baseUrl}/tim-kiem/?q=mam`);
      await page.locator('details[data-filters] summary').click();
      await page.locator('input[name="stars"][value="4 sao"]').check();
      await Promise.all([page.waitForURL((url) => url.searchParams.get('stars') === '4 sao'), page.locator('[data-search] button[type="submit"]').click()]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('mam');
      const stars = await page.locator('[data-results] .stars__icons').allTextContents();
      expect(stars.length).toBeGreaterThan(0);
      expect(stars.every((icons) => icons === '★★★★')).toBe(true);

      await page.goto(`${baseUrl}/tim-kiem/`);
      const first = await hrefs();
      expect(first).toHaveLength(24);
      await Promise.all([page.waitForURL((url) => url.searchParams.get('page') === '2'), page.locator('[data-more] a').click()]);
      const second = await hrefs();
      expect(second).toHaveLength(24);
      expect(second.filter((href) => first.includes(href))).toEqual([]);
    });
  });
});
