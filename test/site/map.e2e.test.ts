import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { filterFeatures, NO_FILTERS, type MapFilters } from '../../src/lib/map-filters.ts';
import type { MapFeatureCollection } from '../../src/lib/map-features.ts';
import { MAP_DATA_PATH, producerPath } from '../../src/lib/paths.ts';
import { builtPage } from '../support/built-site.ts';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';

/** A browser context that reaches only the site under test: no tiles, as in CI. */
async function offlineContext(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  await context.route((url) => !url.href.startsWith(baseUrl), (route) => route.abort());
  return context;
}

/** A page of such a context, opened at `path` once the map is drawn. */
async function openMap(browser: Browser, baseUrl: string, path: string, options: BrowserContextOptions = {}) {
  const context = await offlineContext(browser, baseUrl, options);
  const page = await context.newPage();
  await page.goto(new URL(path, baseUrl).href);
  await page.waitForSelector('[data-map-ready]');
  return { context, page };
}

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

describe('the map page', () => {
  let context: BrowserContext;
  let page: Page;
  let data: MapFeatureCollection;

  beforeAll(async () => {
    // No tiles here (nor in CI): everything but the map's background must work without them.
    context = await offlineContext(browser, baseUrl);
    page = await context.newPage();
    data = (await (await fetch(new URL(MAP_DATA_PATH, baseUrl))).json()) as MapFeatureCollection;
  });
  afterAll(async () => context?.close());

  const open = async (path: string) => {
    await page.goto(new URL(path, baseUrl).href);
    await page.waitForSelector('[data-map-ready]');
  };
  /** Points on the map: single markers plus the counts of the clusters, in the marker pane. */
  const mapTotal = () =>
    page.$$eval('[data-map-canvas] .leaflet-marker-pane .map-marker, [data-map-canvas] .leaflet-marker-pane .map-cluster', (nodes) =>
      nodes.reduce((sum, node) => sum + (node.classList.contains('map-cluster') ? Number((node as HTMLElement).dataset.count) : 1), 0),
    );
  const listedIds = () => page.$$eval('[data-point-id]:not([hidden])', (nodes) => nodes.map((node) => (node as HTMLElement).dataset.pointId!).sort());
  const expectedIds = (filters: Partial<MapFilters>) => filterFeatures(data.features, { ...NO_FILTERS, ...filters }).map((f) => f.properties.id).sort();

  it('serves the GeoJSON with producers, points of sale and the sample fair’s booths', () => {
    const kinds = new Set(data.features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['booth', 'point-of-sale', 'producer']);
    expect(data.features.filter((f) => f.properties.kind === 'booth').every((f) => f.properties.sample)).toBe(true);
  });

  it('works without JavaScript: a real filter form and the whole list in the HTML', () => {
    const html = builtPage('/ban-do/');
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/ban-do\/"/);
    expect(html.match(/data-point-id=/g)).toHaveLength(data.features.length);
  });

  it('loads the map with tiles blocked and shows every point in markers and clusters', async () => {
    await open('/ban-do/');
    expect(await mapTotal()).toBe(data.features.length);
    await expect(page.textContent('[data-map-count]')).resolves.toContain(`${data.features.length} trên ${data.features.length}`);
    expect(await listedIds()).toEqual(expectedIds({}));
    await expect(page.locator('.map-canvas__notice').isVisible()).resolves.toBe(true);
  });

  it('filters by kind, updates the count, the list and the URL, and restores them on reload', async () => {
    await open('/ban-do/');
    await page.getByRole('checkbox', { name: 'Điểm bán' }).check();
    await page.waitForURL(/\?kind=point-of-sale$/);
    const expected = expectedIds({ kinds: ['point-of-sale'] });
    expect(expected.length).toBeLessThan(data.features.length);
    await expect.poll(mapTotal).toBe(expected.length);
    expect(await listedIds()).toEqual(expected);
    await expect(page.textContent('[data-map-count]')).resolves.toContain(`${expected.length} trên ${data.features.length}`);

    await page.reload();
    await page.waitForSelector('[data-map-ready]');
    await expect(page.getByRole('checkbox', { name: 'Điểm bán' }).isChecked()).resolves.toBe(true);
    expect(await mapTotal()).toBe(expected.length);
    expect(await listedIds()).toEqual(expected);
  });

  it('combines filters from a shared address, and the list always matches the map', async () => {
    const filters: Partial<MapFilters> = { kinds: ['producer'], stars: [4], province: 'An Giang' };
    await open('/ban-do/?kind=producer&stars=4&province=An+Giang');
    const expected = expectedIds(filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(await mapTotal()).toBe(expected.length);
    expect(await listedIds()).toEqual(expected);
    await expect(page.locator('select[name=province]').inputValue()).resolves.toBe('An Giang');
  });

  it('opens a popup from a marker and follows its link to the producer page', async () => {
    const first = data.features.find((f) => f.properties.kind === 'producer')!.properties;
    const filters: Partial<MapFilters> = { kinds: ['producer'], groups: [first.groups[0]], province: first.province };
    await open(`/en/map/?kind=producer&group=${first.groups[0]}&province=${encodeURIComponent(first.province)}`);
    // Producers sharing a district centre stay clustered: selecting the cluster zooms in, then lists them.
    for (let i = 0; i < 20 && !(await page.locator('.leaflet-popup').count()); i++) {
      const target = page.locator('[data-map-canvas] .leaflet-marker-pane').locator('.map-cluster, .map-marker').first();
      await target.click();
      await page.waitForTimeout(600);
    }
    const link = page.locator('.leaflet-popup a[href^="/en/producers/"]').first();
    const href = await link.getAttribute('href');
    expect(expectedIds(filters).map((id) => producerPath(id.replace('producer:', ''), 'en'))).toContain(href);
    await link.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
  });

  it('lists the nearest producers and points of sale from a chosen province, nearest first', async () => {
    await open('/ban-do/');
    await page.locator('[data-near-me-province]').selectOption('An Giang');
    const distances = await page.$$eval('[data-near-me-list] li', (items) => items.map((item) => Number((item as HTMLElement).dataset.km)));
    expect(distances.length).toBe(10);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    await expect(page.textContent('[data-near-me-status]')).resolves.toContain('An Giang');
  });

  it('uses the browser’s position when allowed', async () => {
    const { context: located, page: phone } = await openMap(browser, baseUrl, '/en/map/', {
      viewport: VIEWPORTS.phone,
      geolocation: { latitude: 21.03, longitude: 105.85 },
      permissions: ['geolocation'],
    });
    await phone.getByRole('button', { name: 'Use my location' }).click();
    await phone.waitForSelector('[data-near-me-list] li');
    // Standing in Hà Nội, the nearest place is the Đồng Tháp centre there.
    await expect(phone.locator('[data-near-me-list] li').first().textContent()).resolves.toContain('Hà Nội');
    await located.close();
  });
});

describe('the small map on product and producer pages', () => {
  it.each([['/san-pham/tuong-xay/'], ['/en/producers/cong-ty-co-phan-palmania/']])('loads only when scrolled into view (%s)', async (path) => {
    const context = await offlineContext(browser, baseUrl, { viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
    const section = page.locator('[data-nearby-map]');
    // Further down than the observer's 200 px margin: nothing of the map is fetched yet.
    if ((await section.boundingBox())!.y > VIEWPORTS.phone.height + 200) expect(requested).not.toContain(MAP_DATA_PATH);
    else expect(path).toContain('producers');

    const ids = JSON.parse((await section.getAttribute('data-point-ids'))!) as string[];
    expect(ids[0]).toMatch(/^producer:/);
    // The same nearest points of sale are listed in text, for readers without the map.
    expect(await section.locator('ol li').count()).toBe(ids.length - 1);
    await section.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-nearby-map] [data-map-ready]');
    expect(requested.filter((p) => p === MAP_DATA_PATH)).toHaveLength(1);
    expect(await section.locator('.leaflet-marker-pane .map-marker').count()).toBe(ids.length);
    await context.close();
  });
});

describe('the map page’s accessibility', () => {
  it.each([['/ban-do/'], ['/en/map/']])('%s has no serious or critical axe violations with the map, a popup and near me shown', async (path) => {
    const { context, page } = await openMap(browser, baseUrl, `${path}?kind=point-of-sale`);
    await page.locator('[data-map-canvas] .leaflet-marker-pane .map-marker').first().click();
    await page.waitForSelector('.leaflet-popup');
    await page.locator('[data-near-me-province]').selectOption({ index: 1 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });

  it.each([['/ban-do/'], ['/en/map/']])('%s names every control with role="button" by its content or aria-label, not a title alone', async (path) => {
    // HTML_CodeSniffer (pa11y) does not take a title as a button's name, unlike axe.
    const { context, page } = await openMap(browser, baseUrl, path, { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    const unnamed = await page.$$eval('[role="button"]', (nodes) =>
      nodes.filter((node) => !node.getAttribute('aria-label')?.trim() && !node.getAttribute('aria-labelledby') && !node.textContent?.trim()).map((node) => node.outerHTML.slice(0, 120)),
    );
    expect(await page.locator('[role="button"]').count()).toBeGreaterThan(3);
    expect(unnamed).toEqual([]);
    await context.close();
  });

  it('folds the filters on a phone before the first paint, so the map never jumps', async () => {
    const context = await offlineContext(browser, baseUrl, { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // Scripts arriving late, as on a slow phone: the page is painted before they run.
    await page.route('**/_astro/**/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(new URL('/ban-do/', baseUrl).href);
    await page.waitForSelector('[data-map-ready]');
    await expect(page.locator('[data-map-filters-panel]').getAttribute('open')).resolves.toBeNull();
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThanOrEqual(0.1);
    await context.close();
  });

  it('reaches markers with the keyboard and opens their popup with Enter', async () => {
    const { context, page } = await openMap(browser, baseUrl, '/en/map/?kind=point-of-sale');
    const marker = page.locator('[data-map-canvas] .leaflet-marker-pane [role=button][title^="Point of sale"]').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup');
    await expect(page.locator('.leaflet-popup').textContent()).resolves.toContain('Point of sale');
    await context.close();
  });
});
