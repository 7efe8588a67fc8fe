import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/**
 * WCAG 2.1 A/AA checks with axe-core on the public catalogue pages, both locales and both
 * viewports, and the keyboard paths: the skip link and the search filters.
 */
const PAGES: Array<{ name: string; vi: string; en: string; ready?: (page: Page) => Promise<void> }> = [
  { name: 'home', vi: '/', en: '/en/' },
  { name: 'product', vi: '/san-pham/tuong-xay/', en: '/en/products/tuong-xay/' },
  { name: 'producer', vi: '/chu-the/cong-ty-co-phan-palmania/', en: '/en/producers/cong-ty-co-phan-palmania/' },
  { name: 'province listing', vi: '/tinh/an-giang/', en: '/en/provinces/an-giang/' },
  { name: 'district listing', vi: '/huyen/an-giang-chau-doc/', en: '/en/districts/an-giang-chau-doc/' },
  {
    name: 'search with results',
    vi: '/tim-kiem/?q=thot+not',
    en: '/en/search/?q=thot+not',
    ready: (page) => page.waitForSelector('.result__title a', { timeout: 20_000 }).then(() => undefined),
  },
  { name: 'statistics', vi: '/thong-ke/', en: '/en/statistics/' },
  { name: 'open data', vi: '/du-lieu/', en: '/en/data/' },
  { name: 'for buyers', vi: '/cho-nguoi-mua/', en: '/en/for-buyers/' },
  {
    name: 'shared shortlist',
    vi: '/danh-sach-chon/?p=tuong-xay,mam-ca-linh',
    en: '/en/shortlist/?p=tuong-xay,mam-ca-linh',
    ready: (page) => page.waitForSelector('[data-table] thead th a', { timeout: 20_000 }).then(() => undefined),
  },
];

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('accessibility', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    describe(`at ${viewportName} size`, () => {
      let context: BrowserContext;
      beforeAll(async () => {
        context = await browser.newContext({ viewport, ...(viewportName === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
      });
      afterAll(async () => context?.close());

      for (const target of PAGES) {
        for (const locale of ['vi', 'en'] as const) {
          // Side by side (vitest's maxConcurrency): the browser analyses one page while the server sends another.
          it.concurrent(`${target.name} (${locale}) has no serious or critical axe violations`, async ({ expect }) => {
            const page = await context.newPage();
            try {
              const response = await page.goto(`${baseUrl}${target[locale]}`);
              expect(response?.status()).toBe(200);
              await target.ready?.(page);
              const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
              const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
              const report = serious
                .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` – ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).slice(0, 10).join('\n')}`)
                .join('\n');
              expect(serious.length, `${target[locale]} at ${viewportName}:\n${report}`).toBe(0);
            } finally {
              await page.close();
            }
          });
        }
      }
    });
  }

  describe('with the keyboard', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    });

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName.toLowerCase(), className: el?.className, href: el?.getAttribute('href'), id: el?.id, name: el?.getAttribute('name'), value: (el as HTMLInputElement | null)?.value };
      });

    for (const path of ['/', '/en/products/tuong-xay/', '/tim-kiem/']) {
      it(`reaches the skip link first and it moves focus to the main content (${path})`, async () => {
        await page.goto(`${baseUrl}${path}`);
        await page.keyboard.press('Tab');
        expect(await focused()).toMatchObject({ tag: 'a', className: 'skip-link', href: '#main' });
        expect(await page.locator('.skip-link').isVisible()).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => location.hash === '#main');
        // Focus is in main: either on it or, after the next Tab, on the first control inside it.
        const inMain = await page.evaluate(() => {
          const main = document.getElementById('main');
          return document.activeElement === main || Boolean(main?.contains(document.activeElement));
        });
        if (!inMain) {
          await page.keyboard.press('Tab');
          const next = await page.evaluate(() => Boolean(document.getElementById('main')?.contains(document.activeElement)));
          expect(next, 'Tab after the skip link lands inside <main>').toBe(true);
        }
      });
    }

    it('toggles a search filter with Tab and Space, and the URL follows', async () => {
      await page.goto(`${baseUrl}/tim-kiem/`);
      await page.waitForFunction(() => /^\d+ sản phẩm$/.test(document.querySelector('[data-status]')?.textContent ?? ''), undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => (document.querySelector('details[data-filters]') as HTMLDetailsElement).open)).toBe(true);
      // Tab from the sort select into the filters until the 5-star checkbox has focus.
      await page.locator('select[name="sort"]').focus();
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        reached = now.tag === 'input' && now.name === 'stars' && now.value === '5 sao';
      }
      expect(reached, 'the 5-star checkbox is reachable with Tab').toBe(true);
      await page.keyboard.press('Space');
      await page.waitForURL((url) => url.searchParams.getAll('stars').join() === '5 sao');
      await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent === '2 sản phẩm');
      expect(await page.locator('input[type=checkbox][name="stars"][value="5 sao"]').isChecked()).toBe(true);

      // The filters re-render after each search: focus must stay usable, Space again clears it.
      await page.locator('input[type=checkbox][name="stars"][value="5 sao"]').focus();
      await page.keyboard.press('Space');
      await page.waitForURL((url) => !url.searchParams.has('stars'));
      await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent === '130 sản phẩm');
    });
  });
});
