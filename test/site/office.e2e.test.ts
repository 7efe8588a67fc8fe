import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/server/office/entry-index.ts';
import { startOfficeSiteOnPhone, type OfficeSite, type OfficeSiteOnPhone } from '../support/office-site.ts';
import type { SmtpTestServer } from '../support/smtp-test-server.ts';
import { waitFor } from '../support/visitor-load.ts';

/**
 * The whole path an office takes, in Chromium on a phone: invited, signed in from the e-mail's
 * link, an invalid value refused with the build's words and nothing written, a Đồng Tháp product's
 * price and stars changed and saved as one commit, another's certificate revoked from the list,
 * published, and the public pages showing both with the old cached copy gone; an An Giang
 * product is out of bounds.
 */
const SLUG = 'hat-sen-say';
const REVOKED = 'mit-say-nam-huy';
let smtp: SmtpTestServer;
let site: OfficeSite;
let page: Page;

/** An entry's page once its form has come alive (clicks before React hydrates would do nothing). */
async function openEntry(slug: string) {
  await page.goto(`${site.url}/quan-ly/san-pham/${slug}/`);
  await page.locator('astro-island:not([ssr])').first().waitFor();
}

const commits = () => Number(site.git('rev-list', '--count', 'HEAD').trim());
const productFile = () => readFileSync(path.join(site.contentDir, 'products', `${SLUG}.md`), 'utf8');

let phone: OfficeSiteOnPhone;

beforeAll(async () => {
  phone = await startOfficeSiteOnPhone();
  ({ smtp, site, page } = phone);
});
afterAll(() => phone?.stop());

describe('an office keeps its catalogue current from a phone', () => {
  it('signs in with the link from the invitation e-mail', async () => {
    await site.office('invite', 'ocop@dongthap.example.vn', '--province', 'dong-thap', '--name', 'Chị Thảo (OCOP Đồng Tháp)');
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to ?? '').includes('ocop@dongthap.example.vn'), 'the invitation');
    const link = /https?:\/\/\S+token=\S+/.exec(mail.text ?? '')?.[0];
    expect(link?.startsWith(`${site.url}/quan-ly/dang-nhap/?token=`)).toBe(true);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${site.url}/quan-ly/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Danh mục OCOP Đồng Tháp');
  });

  it("refuses an invalid value with the build's message beside the field, and writes nothing", async () => {
    const before = { text: productFile(), commits: commits() };
    await openEntry(SLUG);
    await page.getByRole('button', { name: 'Thêm giá bán' }).click();
    await page.getByLabel('Giá (đồng)').fill('ba mươi nghìn');
    await page.getByLabel('Đơn vị bán').fill('hộp 250 g');
    const message = page.locator('.field', { has: page.getByLabel('Giá (đồng)') }).locator('.field__error');
    await expect(message.textContent()).resolves.toBe('price amount must be a number of đồng');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Chưa lưu: hãy sửa các mục được đánh dấu.').waitFor();
    expect({ text: productFile(), commits: commits() }).toEqual(before);
  });

  it('saves a new price and stars as one commit by the office user', async () => {
    await page.getByLabel('Giá (đồng)').fill('85.000');
    await page.getByLabel('Hạng sao').selectOption('5');
    // The schema's own rule across fields, before saving: potential five-star means four stars.
    await page.getByText('a potential five-star product holds a 4-star certificate: set stars to 4').waitFor();
    await page.getByLabel('Sản phẩm tiềm năng 5 sao').uncheck();
    await page.getByText('a potential five-star product holds a 4-star certificate: set stars to 4').waitFor({ state: 'detached' });
    const before = commits();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText(/^Đã lưu/).waitFor();
    expect(commits()).toBe(before + 1);
    expect(site.git('log', '-1', '--format=%an <%ae>|%s').trim()).toBe(`Chị Thảo (OCOP Đồng Tháp) <ocop@dongthap.example.vn>|Sửa sản phẩm "Hạt sen sấy" (products/${SLUG}.md)`);
    const saved = readEntry('products', SLUG, productFile());
    expect(saved.errors).toEqual([]);
    expect(saved.data).toMatchObject({ stars: 5, potentialFiveStar: false, price: { amount: 85000, unit: 'hộp 250 g' } });
  });

  it("revokes another product's certificate from the list, with a reason", async () => {
    await page.goto(`${site.url}/quan-ly/san-pham/`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Mít sấy' }) });
    await row.getByText('Gia hạn, thu hồi, đánh giá lại').click();
    await row.getByLabel('Lý do').fill('Cơ sở ngừng sản xuất');
    await row.getByLabel('Ngày thu hồi').fill('20/11/2026');
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi chứng nhận: Mít sấy.', { exact: false }).waitFor();
    const revoked = readEntry('products', REVOKED, readFileSync(path.join(site.contentDir, 'products', `${REVOKED}.md`), 'utf8'));
    expect(revoked.data.certificate).toMatchObject({ status: 'revoked', revokedOn: '2026-11-20', revocationReason: 'Cơ sở ngừng sản xuất' });
    expect(site.git('log', '-1', '--format=%s').trim()).toBe(`Thu hồi chứng nhận sản phẩm "Mít sấy" (products/${REVOKED}.md)`);
  });

  it("adds a phone's HEIC photo with its description", async () => {
    await page.goto(`${site.url}/quan-ly/san-pham/${SLUG}/`);
    await page.getByLabel('Thêm ảnh').setInputFiles(path.join(import.meta.dirname, '../fixtures/photos/phone-photo.heic'));
    await page.getByLabel('Mô tả ảnh cho người không nhìn thấy').fill('Hộp hạt sen sấy trên bàn');
    await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await page.getByText('Đã thêm ảnh: Hạt sen sấy.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(site.git('log', '-1', '--format=%s').trim()).toBe(`Thêm ảnh cho sản phẩm "Hạt sen sấy" (products/${SLUG}.md)`);
    expect(site.git('show', '--stat', '--format=', 'HEAD')).toMatch(/photos\/hat-sen-say\/[0-9a-f]{16}-640\.avif/);
  });

  it('is live after the publish, and the old cached page is gone', async () => {
    // The public page as visitors had it, kept in the server's page cache.
    const old = await fetch(`${site.url}/san-pham/${SLUG}/`);
    expect(await old.text()).not.toContain('85.000');
    const oldBuild = old.headers.get('x-build');
    expect((await fetch(`${site.url}/san-pham/${SLUG}/`)).headers.get('x-cache')).toBe('hit');

    await waitFor(async () => (await fetch(`${site.url}/healthz`)).headers.get('x-build') !== oldBuild, 180_000, 'the publish');
    const live = await fetch(`${site.url}/san-pham/${SLUG}/`);
    expect(live.headers.get('x-build')).not.toBe(oldBuild);
    expect(await live.text()).toContain('85.000');

    // The photo came in the same publish or the next: the page shows it instead of the illustration.
    await waitFor(async () => (await (await fetch(`${site.url}/san-pham/${SLUG}/`)).text()).includes('Hộp hạt sen sấy trên bàn'), 180_000, 'the photo to be published');
    const html = await (await fetch(`${site.url}/san-pham/${SLUG}/`)).text();
    const photo = /<img src="(\/anh\/hat-sen-say\/[0-9a-f]{16}-\d+\.jpg)"[^>]*alt="Hộp hạt sen sấy trên bàn"/.exec(html)?.[1];
    expect(photo).toBeTruthy();
    expect((await fetch(`${site.url}${photo}`)).headers.get('content-type')).toBe('image/jpeg');
    // Everything saved is out: the workspace says so.
    await waitFor(async () => {
      await page.goto(`${site.url}/quan-ly/san-pham/${SLUG}/`);
      return (await page.locator('.state').first().textContent()) === 'Đã xuất bản';
    }, 60_000, 'the workspace to show the product as published');
    // The product's own star badge, the first after its heading (cards of its neighbours follow).
    const badge = /<h1[\s\S]*?<span class="stars">([\s\S]*?)<\/span>\s*<\/span>/.exec(html)?.[1] ?? '';
    expect(badge).toContain('★★★★★');
    expect(badge).not.toContain('Tiềm năng 5 sao');

    // The revoked product has left the province's listing; its page stays and says why.
    await waitFor(async () => (await (await fetch(`${site.url}/san-pham/${REVOKED}/`)).text()).includes('Giấy chứng nhận OCOP đã bị thu hồi'), 180_000, 'the revocation to be published');
    expect(await (await fetch(`${site.url}/san-pham/${REVOKED}/`)).text()).toContain('Cơ sở ngừng sản xuất');
    const listing = await (await fetch(`${site.url}/tinh/dong-thap/`)).text();
    expect(listing).toContain(`/san-pham/${SLUG}/`);
    expect(listing).not.toContain(`/san-pham/${REVOKED}/`);
  });

  it('cannot open an An Giang product', async () => {
    const response = await page.goto(`${site.url}/quan-ly/san-pham/tuong-xay/`);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Ngoài phạm vi tài khoản' }).waitFor();
  });

  it("saves a producer's new bank account only with the phone confirmation ticked", async () => {
    const producerFile = () => readFileSync(path.join(site.contentDir, 'producers', 'cong-ty-tnhh-nam-huy.yaml'), 'utf8');
    await page.goto(`${site.url}/quan-ly/chu-the/cong-ty-tnhh-nam-huy/`);
    await page.locator('astro-island:not([ssr])').first().waitFor();
    const tick = page.getByLabel('Đã gọi điện xác nhận tài khoản nhận tiền mới với chủ thể');
    await page.getByRole('button', { name: 'Thêm tài khoản nhận chuyển khoản (vietqr)' }).click();
    await page.getByLabel('Mã ngân hàng (BIN NAPAS)').fill('970436');
    await page.getByLabel('Số tài khoản').fill('0123456789');
    await page.getByLabel('Tên chủ tài khoản').fill('CONG TY TNHH NAM HUY');
    await tick.waitFor();
    const before = { text: producerFile(), commits: commits() };
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Một tài khoản nhận tiền mới chỉ được nhận sau khi gọi điện xác nhận với chủ thể.').first().waitFor();
    expect({ text: producerFile(), commits: commits() }).toEqual(before);
    await tick.check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText(/^Đã lưu tài khoản nhận tiền, xác nhận qua điện thoại hôm nay/).waitFor();
    expect(commits()).toBe(before.commits + 1);
    expect(producerFile()).toMatch(/accountNumber: "0123456789"\n {2}accountName: CONG TY TNHH NAM HUY\n {2}confirmedOn: \d{4}-\d{2}-\d{2}/);
  });

  it('passes axe on the list and the form', async () => {
    for (const pathname of ['/quan-ly/san-pham/', `/quan-ly/san-pham/${SLUG}/`]) {
      await page.goto(`${site.url}${pathname}`);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${pathname}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});
