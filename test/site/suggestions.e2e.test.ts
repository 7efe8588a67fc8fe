import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashText, readEntry } from '../../src/server/office/entry-index.ts';
import { readContentSnapshot, readPointer } from '../../src/server/releases/release-files.ts';
import { VIEWPORTS } from '../support/browser.ts';
import { startOfficeSiteOnPhone, type OfficeSite, type OfficeSiteOnPhone } from '../support/office-site.ts';
import type { SmtpTestServer } from '../support/smtp-test-server.ts';
import { waitFor } from '../support/visitor-load.ts';

/**
 * A producer's update, the whole path in Chromium on a phone (390×844): a Đồng Tháp producer
 * proposes a photo (a phone's HEIC with its GPS position), a price and its Shopee listing from the
 * product page's "Cập nhật thông tin", confirms by the link e-mailed to the address on file; the
 * Đồng Tháp office sees it (An Giang's does not), accepts part of it, and after the publish the
 * public page shows the photo and the price while the producer's e-mail arrives. Then a bank
 * account: not accepted without the phone confirmation, an order placed before keeps the old
 * account, and the address on file hears of the change.
 */
const SLUG = 'hat-sen-say';
const PRODUCER = 'cong-ty-tnhh-nam-huy';
const AG_SLUG = 'mat-thot-not-dang-bot';
const AG_PRODUCER = 'cong-ty-co-phan-palmania';
const OLD_ACCOUNT = '1010000000002';
const NEW_ACCOUNT = '5500123456789';
let smtp: SmtpTestServer;
let site: OfficeSite;
let browser: Browser;
let page: Page;

const to = (address: string) => (mail: { to?: unknown }) => JSON.stringify(mail.to ?? '').includes(address);
const linkIn = (text: string | undefined) => /https?:\/\/\S+token=\S+/.exec(text ?? '')?.[0];
const contentFile = (...parts: string[]) => path.join(site.contentDir, ...parts);
const product = (slug: string) => readEntry('products', slug, readFileSync(contentFile('products', `${slug}.md`), 'utf8'));
const producer = (id: string) => readEntry('producers', id, readFileSync(contentFile('producers', `${id}.yaml`), 'utf8'));
const commits = () => Number(site.git('rev-list', '--count', 'HEAD').trim());

/** Gives a producer's file an e-mail address, as a developer would commit it. */
function giveEmail(id: string, email: string) {
  const file = contentFile('producers', `${id}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('contacts: {}', `contacts:\n  email: ${email}`));
  site.git('-c', 'user.name=Developer', '-c', 'user.email=dev@example.invalid', 'commit', '-qam', `${id}: e-mail on file`);
}

/** Until the server answers from a release built from the file as it is now. */
async function published(file: string) {
  const hash = hashText(readFileSync(contentFile(file)));
  await waitFor(async () => {
    const pointer = await readPointer(site.env.OCOP_RELEASES_DIR);
    if (!pointer || (await readContentSnapshot(pointer.dir))?.get(file) !== hash) return false;
    return (await fetch(`${site.url}/healthz`)).headers.get('x-build') === pointer.id;
  }, 240_000, `a publish of ${file}`);
}

async function signInAs(target: Page, email: string, province: string) {
  const link = await site.invite(email, ['--province', province, '--name', `Văn phòng OCOP ${province}`]);
  await target.goto(link);
  await target.getByRole('button', { name: 'Đăng nhập' }).click();
  await target.waitForURL(`${site.url}/quan-ly/`);
}

let phone: OfficeSiteOnPhone;

beforeAll(async () => {
  phone = await startOfficeSiteOnPhone();
  ({ smtp, site, browser, page } = phone);
  giveEmail(PRODUCER, 'namhuy@example.vn');
  giveEmail(AG_PRODUCER, 'palmania@example.vn');
});
afterAll(() => phone?.stop());

describe("a producer updates its listing and the province's office checks it", () => {
  it('proposes a photo, a price and a Shopee listing from the product page, on a phone', async () => {
    await page.goto(`${site.url}/san-pham/${SLUG}/`);
    await page.getByRole('link', { name: 'Cập nhật thông tin' }).first().click();
    await page.waitForURL(`${site.url}/cap-nhat/${SLUG}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
    await page.getByLabel('Chọn ảnh').setInputFiles(path.join(import.meta.dirname, '../fixtures/photos/phone-photo.heic'));
    await page.getByLabel('Ảnh chụp gì (cho người không nhìn thấy)').fill('Hộp hạt sen sấy Nam Huy');
    await page.getByLabel('Giá (đồng)').fill('85.000');
    await page.getByLabel('Đơn vị bán').fill('hộp 250 g');
    await page.getByLabel('Địa chỉ sản phẩm trên Shopee').fill('https://shopee.vn/Hat-sen-say-Thap-Muoi-i.123456.7890123');
    await page.locator('#f-contacts-zalo').fill('0912 345 678');
    await page.getByLabel('Số điện thoại hoặc email để văn phòng OCOP liên hệ').fill('kinhdoanh@namhuy.example.vn');
    await page.getByLabel(/Tôi là chủ thể sản xuất/).check();
    const before = commits();
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await page.getByRole('heading', { name: 'Đã gửi đề xuất' }).waitFor({ timeout: 60_000 });
    await page.getByText('Chúng tôi đã gửi một liên kết xác nhận tới email đã đăng ký của chủ thể').waitFor();
    // Stored in the order store only: content/ is untouched until an office accepts.
    expect(commits()).toBe(before);
  });

  it('confirms by the link e-mailed to the address on file', async () => {
    const mail = await smtp.waitFor(to('namhuy@example.vn'), 'the confirmation link');
    const link = linkIn(mail.text);
    expect(link?.startsWith(`${site.url}/cap-nhat/xac-nhan/?token=`)).toBe(true);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Xác nhận / Confirm' }).click();
    await page.getByText('Đã xác nhận.', { exact: false }).waitFor();
  });

  it("is in the Đồng Tháp office's queue and not in An Giang's", async () => {
    const anGiang = await site.signIn(await site.invite('ag-queue@example.vn', ['--province', 'an-giang']));
    await signInAs(page, 'ocop@dongthap.example.vn', 'dong-thap');
    await page.goto(`${site.url}/quan-ly/de-xuat/`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Hạt sen sấy' }) });
    await row.getByText('Đã xác nhận qua email').waitFor();
    const address = await row.getByRole('link', { name: 'Hạt sen sấy' }).getAttribute('href');
    const elsewhere = await fetch(`${site.url}/quan-ly/de-xuat/`, { headers: { Cookie: anGiang } });
    expect(await elsewhere.text()).not.toContain(address!);
    expect((await fetch(`${site.url}${address}`, { headers: { Cookie: anGiang }, redirect: 'manual' })).status).toBe(403);
  });

  it('accepts the photo, the price and the listing but not the Zalo number, as one commit naming the producer', async () => {
    await page.getByRole('link', { name: 'Hạt sen sấy' }).click();
    await page.getByLabel('Nhận: Zalo').uncheck();
    // Edited while accepting: the unit as the office writes it.
    await page.locator('#s-price-unit').fill('hộp 250 gram');
    const before = commits();
    await page.getByRole('button', { name: 'Nhận các mục đã chọn' }).click();
    await page.getByText('Đã nhận đề xuất', { exact: false }).waitFor({ timeout: 60_000 });
    expect(commits()).toBe(before + 1);
    expect(site.git('log', '-1', '--format=%an|%s').trim()).toBe(`Văn phòng OCOP dong-thap|Nhận đề xuất của chủ thể "Công ty TNHH Nam Huy" cho sản phẩm "Hạt sen sấy" (products/${SLUG}.md)`);
    const saved = product(SLUG);
    expect(saved.errors).toEqual([]);
    expect(saved.data).toMatchObject({
      price: { amount: 85000, unit: 'hộp 250 gram' },
      marketplaces: { shopee: 'https://shopee.vn/Hat-sen-say-Thap-Muoi-i.123456.7890123' },
      photos: [{ alt: 'Hộp hạt sen sấy Nam Huy', width: 800, height: 600 }],
      producerUpdate: { checkedBy: 'Văn phòng OCOP Đồng Tháp' },
    });
    expect((producer(PRODUCER).data.contacts as Record<string, unknown>).zalo).toBeUndefined();
  });

  it("tells the producer at the address it gave", async () => {
    const mail = await smtp.waitFor(to('kinhdoanh@namhuy.example.vn'), 'the decision');
    expect(mail.text).toContain('Giá bán');
    expect(mail.text).toContain('Chưa nhận: Zalo.');
  });

  it('shows the photo (without its GPS position) and the price after the publish, with the note', async () => {
    await published(`products/${SLUG}.md`);
    const html = await (await fetch(`${site.url}/san-pham/${SLUG}/`)).text();
    const photo = /<img src="(\/anh\/hat-sen-say\/[0-9a-f]{16}-\d+\.jpg)"[^>]*alt="Hộp hạt sen sấy Nam Huy"/.exec(html)?.[1];
    expect(photo).toBeTruthy();
    const served = Buffer.from(await (await fetch(`${site.url}${photo}`)).arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    expect(html).toMatch(/Cập nhật bởi cơ sở ngày \d\d\/\d\d\/\d{4}, kiểm tra bởi Văn phòng OCOP Đồng Tháp/);
    expect(html).toContain('https://shopee.vn/Hat-sen-say-Thap-Muoi-i.123456.7890123');
    const english = await (await fetch(`${site.url}/en/products/${SLUG}/`)).text();
    expect(/<p class="muted producer-update"[^>]*>[^<]*<\/p>/.exec(english)?.[0] ?? english.slice(0, 300)).toMatch(/Updated by the producer on \d\d\/\d\d\/\d{4}, checked by Văn phòng OCOP Đồng Tháp/);
  });
});

describe('a new bank account', () => {
  let orderPath: string;
  let reviewPath: string;
  let agPage: Page;

  it('is proposed after an order was placed with the old account', async () => {
    const order = await fetch(`${site.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.url },
      body: JSON.stringify({ items: [{ productId: AG_SLUG, quantity: 1 }], locale: 'vi', buyer: { name: 'Nguyễn Văn A', phone: '0901234567', email: 'a@example.vn', address: '1 Lê Lợi, Long Xuyên' } }),
    });
    expect(order.status).toBe(201);
    orderPath = (await order.json()).url;
    expect(await (await fetch(`${site.url}${orderPath}`)).text()).toContain(OLD_ACCOUNT);

    await page.goto(`${site.url}/cap-nhat/${AG_SLUG}/`);
    await page.getByLabel('Mã ngân hàng (BIN NAPAS, ví dụ 970436 Vietcombank)').fill('970405');
    await page.getByLabel('Số tài khoản').fill(NEW_ACCOUNT);
    await page.getByLabel('Tên chủ tài khoản (viết hoa không dấu)').fill('CONG TY CO PHAN PALMANIA');
    await page.getByLabel('Số điện thoại hoặc email để văn phòng OCOP liên hệ').fill('0296 3876 543');
    await page.getByLabel(/Tôi là chủ thể sản xuất/).check();
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await page.getByRole('heading', { name: 'Đã gửi đề xuất' }).waitFor();
    const mail = await smtp.waitFor((message) => to('palmania@example.vn')(message) && /Xác nhận/.test(message.subject ?? ''), 'the confirmation link');
    await page.goto(linkIn(mail.text)!);
    await page.getByRole('button', { name: 'Xác nhận / Confirm' }).click();
    await page.getByText('Đã xác nhận.', { exact: false }).waitFor();
  });

  it('cannot be accepted without the phone confirmation, and nothing is written', async () => {
    agPage = await (await browser.newContext({ viewport: VIEWPORTS.phone })).newPage();
    await signInAs(agPage, 'ocop@angiang.example.vn', 'an-giang');
    await agPage.goto(`${site.url}/quan-ly/de-xuat/`);
    await agPage.getByRole('link', { name: 'Mật thốt nốt dạng bột' }).click();
    reviewPath = new URL(agPage.url()).pathname;
    expect((await new AxeBuilder({ page: agPage }).analyze()).violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    const before = { commits: commits(), file: readFileSync(contentFile('producers', `${AG_PRODUCER}.yaml`), 'utf8') };
    await agPage.getByRole('button', { name: 'Nhận các mục đã chọn' }).click();
    await agPage.getByText('chỉ được nhận sau khi gọi điện xác nhận với chủ thể', { exact: false }).waitFor();
    expect({ commits: commits(), file: readFileSync(contentFile('producers', `${AG_PRODUCER}.yaml`), 'utf8') }).toEqual(before);
  });

  it('is accepted with it; the address on file is told; the order placed before keeps the old account', async () => {
    await agPage.goto(`${site.url}${reviewPath}`);
    await agPage.getByLabel('Đã gọi điện xác nhận tài khoản với chủ thể').check();
    await agPage.getByRole('button', { name: 'Nhận các mục đã chọn' }).click();
    await agPage.getByText('Đã nhận đề xuất', { exact: false }).waitFor({ timeout: 60_000 });
    const account = producer(AG_PRODUCER).data.bankAccount as Record<string, unknown>;
    expect(account).toMatchObject({ bin: '970405', accountNumber: NEW_ACCOUNT, accountName: 'CONG TY CO PHAN PALMANIA', confirmedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(account.sample).toBeUndefined();
    const notice = await smtp.waitFor((message) => to('palmania@example.vn')(message) && /Tài khoản nhận tiền/.test(message.subject ?? ''), 'the bank-account notice');
    expect(notice.text).toContain(NEW_ACCOUNT.slice(-4));

    await published(`producers/${AG_PRODUCER}.yaml`);
    const order = await fetch(`${site.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.url },
      body: JSON.stringify({ items: [{ productId: AG_SLUG, quantity: 1 }], locale: 'vi', buyer: { name: 'Trần Thị B', phone: '0907654321', email: 'b@example.vn', address: '2 Lê Lợi, Long Xuyên' } }),
    });
    expect(await (await fetch(`${site.url}${(await order.json()).url}`)).text()).toContain(NEW_ACCOUNT);
    const old = await (await fetch(`${site.url}${orderPath}`)).text();
    expect(old).toContain(OLD_ACCOUNT);
    expect(old).not.toContain(NEW_ACCOUNT);
  });
});
