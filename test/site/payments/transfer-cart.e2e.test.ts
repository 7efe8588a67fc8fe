import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../../support/browser.ts';
import { PRODUCTS } from '../commerce/commerce-servers.ts';
import { BUYER, readQrImage, startTransferServers, type TransferServers } from './transfer-servers.ts';
import { decodeVietQr } from '../../../src/lib/payments/vietqr.ts';

describe('paying a cart by bank transfer in the browser (no Stripe keys)', () => {
  let servers: TransferServers;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [servers, browser] = await Promise.all([startTransferServers(), launchChromium()]);
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.stop();
  });

  it('offers bank transfer only, takes the buyer details and lands on the order page with two codes', async () => {
    await page.goto(`${servers.site.url}/gio-hang/`);
    const items = [{ productId: PRODUCTS.tuongXay.id, quantity: 2 }, { productId: PRODUCTS.matThotNot.id, quantity: 1 }];
    await page.evaluate((cart) => localStorage.setItem('ocop-cart', JSON.stringify(cart)), items);
    await page.reload();
    const form = page.locator('[data-bank-transfer]');
    await form.waitFor();
    expect(await page.getByRole('button', { name: 'Thanh toán', exact: true }).count()).toBe(0);
    expect(await page.locator('[data-payments-unconfigured]').count()).toBe(0);

    await form.getByLabel('Họ và tên').fill(BUYER.name);
    await form.getByLabel('Số điện thoại').fill(BUYER.phone);
    await form.getByLabel(/^E-mail/).fill(BUYER.email);
    await form.getByLabel('Địa chỉ giao hàng').fill(BUYER.address);
    await form.getByRole('button', { name: 'Đặt hàng và nhận mã VietQR' }).click();
    await page.waitForURL(/\/don-hang\/[A-Za-z0-9_-]{22}\/$/);

    const codes = page.locator('img[data-vietqr]');
    expect(await codes.count()).toBe(2);
    const amounts = [];
    for (const code of await codes.all()) amounts.push(decodeVietQr((await readQrImage((await code.getAttribute('src'))!))!)?.amount);
    expect(amounts).toEqual([2 * PRODUCTS.tuongXay.price, PRODUCTS.matThotNot.price]);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('ocop-cart'))).toBe('[]');
  });

  it('has no serious or critical axe violations on the order page', async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
