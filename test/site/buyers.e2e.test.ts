import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import Papa from 'papaparse';
import sharp from 'sharp';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';
import { ROOT } from '../support/server.ts';

/** Rows of a downloaded CSV, read by papaparse (not the writer), after checking the BOM. */
async function downloadedRows(download: Download): Promise<Array<Record<string, string>>> {
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

/** Every QR code's text in a PNG: decoded by jsQR from sharp's raw pixels, one region at a time. */
async function decodeQr(png: string, regions = 1): Promise<string[]> {
  const { width, height } = await sharp(png).metadata();
  const found: string[] = [];
  const rows = regions === 1 ? 1 : 4;
  const columns = regions === 1 ? 1 : 2;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const area = { left: Math.floor((column * width!) / columns), top: Math.floor((row * height!) / rows), width: Math.floor(width! / columns), height: Math.floor(height! / rows) };
      const { data, info } = await sharp(png).extract(area).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
      if (code) found.push(code.data);
    }
  }
  return found;
}

describe('buyers and producers in the browser', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const open = async (url: string, viewport: { width: number; height: number } = VIEWPORTS.phone): Promise<Page> => {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(new URL(url, baseUrl).href);
    return page;
  };
  const download = async (page: Page, button: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return file;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('keeps a shortlist, exports it as CSV and reopens it from the share link on another device', async () => {
    const page = await open('/san-pham/tuong-xay/');
    const button = page.locator('.product button[data-shortlist="tuong-xay"]');
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.goto(new URL('/hang-sao/5/', baseUrl).href);
    const firstCard = page.locator('[data-product-id]').first();
    const second = (await firstCard.getAttribute('data-product-id'))!;
    await firstCard.locator('button[data-shortlist]').click();

    await page.goto(new URL('/danh-sach-chon/', baseUrl).href);
    const headers = page.locator('[data-table] thead th a');
    await expect.poll(() => headers.count()).toBe(2);
    expect(await headers.first().textContent()).toBe('Tương xay');
    expect(await page.locator('[data-row="certificate"] td').first().textContent()).toMatch(/Còn hiệu lực|Hết hiệu lực/);
    expect(await page.locator('[data-row="capacity"] td').first().textContent()).toBe('chưa có');

    // Printing keeps the table and drops the site's header, footer and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('[data-actions]').isVisible()).toBe(false);
    expect(await page.locator('[data-table]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const rows = await downloadedRows(await download(page, '[data-csv]'));
    expect(rows.map((row) => row.id)).toEqual(['tuong-xay', second]);
    expect(rows[0].name).toBe('Tương xay');

    await page.click('[data-share]');
    const shareUrl = (await page.locator('[data-share-link]').getAttribute('href'))!;
    expect(new URL(shareUrl).search).toBe(`?p=tuong-xay,${second}`);
    await page.context().close();

    // Another device: a fresh browser context with empty storage.
    const other = await open(shareUrl, VIEWPORTS.desktop);
    const otherHeaders = other.locator('[data-table] thead th a');
    await expect.poll(() => otherHeaders.count()).toBe(2);
    expect(await other.locator('[data-status]').textContent()).toContain('danh sách được chia sẻ (2 sản phẩm)');
    await other.click('[data-keep]');
    await expect.poll(() => other.evaluate(() => localStorage.getItem('ocop-shortlist'))).toBe(JSON.stringify(['tuong-xay', second]));
    await other.context().close();
  });

  it('downloads exactly the products a listing page shows', async () => {
    const page = await open('/tinh/an-giang/2/');
    const shown = await page.locator('[data-listing-products] [data-product-id]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId));
    expect(shown).toHaveLength(24);
    const rows = await downloadedRows(await download(page, 'button[data-download-list]'));
    expect(rows.map((row) => row.id)).toEqual(shown);
    await page.context().close();
  });

  it('downloads exactly the results a filtered, sorted search shows', async () => {
    const page = await open('/tim-kiem/?stars=4+sao&sort=name');
    await page.waitForFunction(() => /^\d+ sản phẩm$/.test(document.querySelector('[data-status]')?.textContent?.trim() ?? ''), null, { timeout: 20_000 });
    const titles = page.locator('.result__title a');
    await expect.poll(() => titles.count()).toBeGreaterThan(1);
    const shown = await titles.allTextContents();
    const rows = await downloadedRows(await download(page, 'button[data-download-list]'));
    expect(rows.map((row) => row.name)).toEqual(shown);
    expect(rows.every((row) => row.stars === '4')).toBe(true);

    // The buyers' filters are in the index: no product has published a wholesale contact yet.
    await page.goto(new URL('/tim-kiem/?wholesale=C%C3%B3', baseUrl).href);
    await page.waitForFunction(() => /^Không tìm thấy/.test(document.querySelector('[data-status]')?.textContent?.trim() ?? ''), null, { timeout: 20_000 });
    await page.goto(new URL('/tim-kiem/?wholesale=Ch%C6%B0a+c%C3%B3&quality=Ch%C6%B0a+c%C3%B3', baseUrl).href);
    await page.waitForFunction(() => /^\d+ sản phẩm$/.test(document.querySelector('[data-status]')?.textContent?.trim() ?? ''), null, { timeout: 20_000 });
    expect(await page.locator('[data-status]').textContent()).toMatch(/^1\d\d sản phẩm$/);
    await page.context().close();
  });

  it('prints a card (PDF, rendered to PNG by pdftoppm) whose QR code gives the short link', async () => {
    const page = await open('/in/tuong-xay/');
    const shortLink = await page.evaluate(async () => ((await (await fetch('/api/products?ids=tuong-xay')).json()) as { products: Array<{ short_link: string }> }).products[0].short_link);
    const dir = mkdtempSync(path.join(tmpdir(), 'ocop-card-'));
    mkdirSync(path.join(ROOT, 'screenshots'), { recursive: true });
    for (const [sheet, cards] of [['a6', 1], ['a4', 8]] as const) {
      if (sheet === 'a4') await page.goto(new URL('/in/tuong-xay/?sheet=a4', baseUrl).href);
      const pdf = path.join(dir, `card-${sheet}.pdf`);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdf, path.join(dir, `card-${sheet}`)]);
      const png = path.join(dir, `card-${sheet}.png`);
      const { width, height } = await sharp(png).metadata();
      // A6 is 105 × 148 mm, A4 210 × 297 mm: one page of that shape at 150 dpi.
      expect(Math.round((width! / 150) * 25.4)).toBe(sheet === 'a6' ? 105 : 210);
      expect(Math.round((height! / 150) * 25.4)).toBe(sheet === 'a6' ? 148 : 297);
      const codes = await decodeQr(png, cards);
      expect(codes).toHaveLength(cards);
      expect(new Set(codes)).toEqual(new Set([shortLink]));
      copyFileSync(png, path.join(ROOT, `screenshots/print-card-${sheet}.png`)); // to look at
    }
    await page.context().close();
  });
});
