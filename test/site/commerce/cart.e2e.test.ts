import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, VIEWPORTS } from '../../support/browser.ts';
import { startBuiltServer } from '../../support/server.ts';
import { PRODUCTS, startCommerceServers, type CommerceServers } from './commerce-servers.ts';

describe('buying through the cart', () => {
  let servers: CommerceServers;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [servers, browser] = await Promise.all([startCommerceServers(), launchChromium()]);
    context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.stop();
  });

  const badgeCount = () => page.locator('.cart-badge').getAttribute('data-count');
  const addToCart = async (productId: string) => {
    await page.goto(`${servers.site.url}/san-pham/${productId}/`);
    const button = page.getByRole('button', { name: 'Thêm vào giỏ' });
    await button.scrollIntoViewIfNeeded();
    await button.click({ trial: false });
    await page.getByRole('status').filter({ hasText: 'trong giỏ' }).waitFor();
  };
  const cartLines = () => page.locator('.cart-line');

  it('adds two products from two producers, shown in the header badge', async () => {
    await addToCart(PRODUCTS.tuongXay.id);
    await expect.poll(badgeCount).toBe('1');
    await addToCart(PRODUCTS.matThotNot.id);
    await page.getByRole('button', { name: '+1' }).click();
    await expect.poll(badgeCount).toBe('3');
  });

  it('explains why a product with an expired certificate cannot be added', async () => {
    await page.goto(`${servers.site.url}/san-pham/${PRODUCTS.expired.id}/`);
    expect(await page.getByRole('button', { name: 'Thêm vào giỏ' }).count()).toBe(0);
    expect(await page.locator('[data-not-purchasable]').textContent()).toContain('không còn hiệu lực');
  });

  it('shows the cart with lines and the total in đồng, synced with another tab', async () => {
    await page.goto(`${servers.site.url}/gio-hang/`);
    await expect.poll(() => cartLines().count()).toBe(2);
    expect(await page.locator('[data-cart-total]').getAttribute('data-cart-total')).toBe(String(35000 + 2 * 85000));
    expect(await page.locator('[data-cart-total]').textContent()).toMatch(/^205\.000\s₫$/);

    const other = await context.newPage();
    await other.goto(`${servers.site.url}/en/cart/`);
    await expect.poll(() => other.locator('.cart-line').count()).toBe(2);
    await page.getByRole('button', { name: `Xoá ${PRODUCTS.matThotNot.name} khỏi giỏ` }).click();
    await expect.poll(() => other.locator('.cart-line').count()).toBe(1);
    await other.getByRole('button', { name: '+1' }).click();
    await expect.poll(() => page.locator(`[data-product-id="${PRODUCTS.tuongXay.id}"] input`).inputValue()).toBe('2');
    await other.close();
    await addToCart(PRODUCTS.matThotNot.id);
  });

  it('has no serious or critical axe violations with a filled cart', async () => {
    for (const pathname of ['/gio-hang/', `/san-pham/${PRODUCTS.tuongXay.id}/`, `/en/products/${PRODUCTS.expired.id}/`]) {
      await page.goto(`${servers.site.url}${pathname}`, { waitUntil: 'networkidle' });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${pathname} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  it('keeps the cart and says to retry when Stripe is down', async () => {
    servers.stripe.mode = 'down';
    await page.goto(`${servers.site.url}/gio-hang/`);
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    // The SDK retries once before giving up; on a loaded machine that takes more than poll's default second.
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('thử lại');
    expect(await cartLines().count()).toBe(2);
    servers.stripe.mode = 'ok';
  });

  it('goes to the payment page, and a cancel brings the cart back intact', async () => {
    servers.stripe.reset();
    await page.goto(`${servers.site.url}/gio-hang/`);
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL(`${servers.stripe.url}/pay/cs_test_*`);
    const [created] = servers.stripe.sessionCreations();
    expect((created.form as any).line_items.map((l: any) => [l.price_data.product_data.metadata.product_id, l.quantity])).toEqual([
      [PRODUCTS.tuongXay.id, '2'],
      [PRODUCTS.matThotNot.id, '1'],
    ]);

    await page.locator('#cancel').click();
    await page.waitForURL(`${servers.site.url}/thanh-toan/da-huy/`);
    await page.getByRole('link', { name: 'Quay lại giỏ hàng' }).click();
    await expect.poll(() => cartLines().count()).toBe(2);
    await expect.poll(badgeCount).toBe('3');
  });

  it('empties the cart once the payment went through', async () => {
    const id = [...servers.stripe.sessions.keys()].at(-1)!;
    servers.stripe.markPaid(id);
    await page.goto(`${servers.site.url}/thanh-toan/thanh-cong/?session_id=${id}`);
    expect(await page.locator('h1').textContent()).toBe('Cảm ơn bạn đã đặt hàng');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('ocop-cart'))).toBe('[]');
    await page.goto(`${servers.site.url}/gio-hang/`);
    await page.getByText('Giỏ hàng đang trống.').waitFor();
  });
});

describe('the cart without online payment (no Stripe keys, bank transfer switched off)', () => {
  it('says payment is not configured and offers marketplaces and the producer', async () => {
    const [server, browser] = await Promise.all([startBuiltServer({ BANK_TRANSFER: 'false' }), launchChromium()]);
    const baseUrl = server.url;
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await page.goto(`${baseUrl}/en/cart/`);
      await page.evaluate((id) => localStorage.setItem('ocop-cart', JSON.stringify([{ productId: id, quantity: 1 }])), PRODUCTS.tuongXay.id);
      await page.reload();
      const notice = page.locator('[data-payments-unconfigured]');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Online payment is not configured');
      expect(await notice.getByRole('link', { name: /^Contact / }).count()).toBe(1);
      expect(await notice.getByRole('link', { name: /Search Shopee/ }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Checkout', exact: true }).count()).toBe(0);
      expect(await page.locator('[data-bank-transfer]').count()).toBe(0);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
