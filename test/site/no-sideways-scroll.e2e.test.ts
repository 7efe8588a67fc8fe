import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { pageKind, UNLISTED_PATHS } from '../support/served-pages.ts';
import { crawlServedSite } from '../support/served-site.ts';

/**
 * No page may scroll sideways on a phone. Every page the server offers (the sitemaps, the built
 * pages and every page they link to, plus the personal pages) is loaded once in a phone browser and
 * measured at both sizes (resizing re-lays it out), which keeps some 700 pages fast.
 */
/** Pages walked side by side: the server answers one while the browser lays out another. */
const PARALLEL = 3;

const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];

/** Runs in the page once its style sheets have arrived (DOMContentLoaded does not wait for them). */
async function stylesLoaded() {
  const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !link.sheet);
  await Promise.all(pending.map((link) => new Promise((done) => (link.addEventListener('load', done), link.addEventListener('error', done)))));
}

/** Runs in the page: how wide the document is, and the element reaching furthest right that is not clipped. */
function measure() {
  const width = document.documentElement.clientWidth;
  const clipped = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) return true;
      if (style.position === 'fixed') return false;
    }
    return false;
  };
  let widest: { element: string; right: number } | undefined;
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1 || (widest && box.right <= widest.right) || clipped(element)) continue;
    const name = (e: Element) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map((c) => `.${c}`).join('');
    const path = [element.parentElement?.parentElement, element.parentElement, element].filter((e): e is Element => Boolean(e)).map(name);
    widest = { element: path.join(' > '), right: Math.round(box.right) };
  }
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, widest };
}

describe('on phones (360×740 and 390×844)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let pages: Page[];

  beforeAll(async () => {
    // Only this server answers: map tiles and other outside requests fail at once instead of slowing
    // the walk (a host rule, because intercepting every request through Playwright doubles the time).
    browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
    const context = await browser.newContext({ viewport: PHONES[0], isMobile: true, hasTouch: true });
    pages = await Promise.all(Array.from({ length: PARALLEL }, () => context.newPage()));
  });
  afterAll(async () => browser?.close());

  it('no page the server offers scrolls sideways', async () => {
    const paths = [...new Set([...(await crawlServedSite(baseUrl)).pages, ...UNLISTED_PATHS])];
    // The walk must cover the catalogue: every product and producer in both languages, and the listings.
    const kinds = new Map<string, number>();
    for (const urlPath of paths) kinds.set(pageKind(urlPath), (kinds.get(pageKind(urlPath)) ?? 0) + 1);
    expect(kinds.get('san-pham')).toBeGreaterThanOrEqual(130);
    expect(kinds.get('en/products')).toBeGreaterThanOrEqual(130);
    for (const kind of ['chu-the', 'en/producers', 'tinh', 'en/provinces', 'huyen', 'nhom', 'hang-sao', 'ban-do', 'tim-kiem', 'gio-hang', 'en/cart']) {
      expect(kinds.get(kind), kind).toBeGreaterThan(0);
    }

    const wide: string[] = [];
    const queue = [...paths];
    const walk = async (page: Page) => {
      // Each page is measured at the size the last one ended at, then at the other: one resize a page.
      let sizes = PHONES;
      for (let urlPath = queue.shift(); urlPath; urlPath = queue.shift()) {
        await page.goto(new URL(urlPath, baseUrl).href, { waitUntil: 'domcontentloaded' });
        await page.evaluate(stylesLoaded);
        for (const phone of sizes) {
          if (phone !== sizes[0]) await page.setViewportSize(phone);
          const found = await page.evaluate(measure);
          if (found.scrollWidth > found.clientWidth) {
            wide.push(`${urlPath} at ${phone.width}px is ${found.scrollWidth}px wide; widest: ${found.widest?.element ?? '?'} (right edge ${found.widest?.right ?? '?'}px)`);
          }
        }
        sizes = [...sizes].reverse();
      }
    };
    await Promise.all(pages.map(walk));
    expect(wide.sort()).toEqual([]);
  }, 600_000);
});
