import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeVietQr } from '../../../src/lib/payments/vietqr.ts';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { ROOT } from '../../support/server.ts';
import { PRODUCTS } from '../commerce/commerce-servers.ts';
import {
  BUYER,
  notifyBank,
  OFFICE_EMAIL,
  orderPageParts,
  placeOrder,
  readQrImage,
  SAMPLE_ACCOUNTS,
  sepayNotification,
  startTransferServers,
  type TransferServers,
  WEBHOOK_SECRET,
} from './transfer-servers.ts';

const cart = { items: [{ productId: PRODUCTS.tuongXay.id, quantity: 2 }, { productId: PRODUCTS.matThotNot.id, quantity: 1 }], locale: 'vi', buyer: BUYER };
const skipPostgres = postgresUnavailable();

describe.each([
  ['SQLite', false],
  ['PostgreSQL', Boolean(skipPostgres)],
])('bank transfer with the %s store', (store, skip) => {
  let servers: TransferServers;
  let postgres: TestPostgres | undefined;
  let site: string;
  let orderPath: string;

  beforeAll(async () => {
    if (skip) return console.warn(`bank transfer on PostgreSQL skipped: ${skipPostgres}`);
    if (store === 'PostgreSQL') postgres = await startPostgres();
    servers = await startTransferServers(postgres ? { DATABASE_URL: postgres.url, TRANSFER_CHECKOUT_LIMIT: '4' } : { TRANSFER_CHECKOUT_LIMIT: '4' });
    site = servers.site.url;
  });
  afterAll(async () => {
    await servers?.stop();
    postgres?.stop();
  });

  it.skipIf(skip)('checks a two-producer cart out by bank transfer and answers its order page', async () => {
    const response = await placeOrder(site, cart);
    expect(response.status).toBe(201);
    ({ url: orderPath } = (await response.json()) as { url: string });
    expect(orderPath).toMatch(/^\/don-hang\/[A-Za-z0-9_-]{22}\/$/);
  });

  it.skipIf(skip)('shows one VietQR code per producer that reads back to its account, amount and reference', async () => {
    const page = await fetch(`${site}${orderPath}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toBe('noindex');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    const parts = orderPageParts(html);
    expect(parts).toHaveLength(2);
    const expected = [
      { producer: PRODUCTS.tuongXay.producer, amount: 2 * PRODUCTS.tuongXay.price },
      { producer: PRODUCTS.matThotNot.producer, amount: PRODUCTS.matThotNot.price },
    ];
    for (const [index, part] of parts.entries()) {
      const payload = await readQrImage(part.qr!);
      const account = SAMPLE_ACCOUNTS[expected[index].producer];
      expect(decodeVietQr(payload!)).toEqual({
        initMethod: '12', guid: 'A000000727', service: 'QRIBFTTA', bin: account.bin, accountNumber: account.accountNumber,
        currency: '704', amount: expected[index].amount, country: 'VN', purpose: part.reference,
      });
      expect(html).toContain(account.accountName);
    }
    expect(html).toContain('Tài khoản MẪU');
    expect(html).not.toContain(WEBHOOK_SECRET);
    const english = await fetch(`${site}${orderPath.replace('/don-hang/', '/en/orders/')}`);
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('SAMPLE account');
  });

  it.skipIf(skip)('answers 404 for a wrong or guessed id, saying nothing of other orders', async () => {
    for (const guess of ['/don-hang/AAAAAAAAAAAAAAAAAAAAAA/', '/en/orders/not-an-id/', `${orderPath.slice(0, -3)}x/`]) {
      const response = await fetch(`${site}${guess}`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).not.toContain('data-part-reference');
      expect(html).not.toContain(BUYER.name);
    }
  });

  it.skipIf(skip)('marks one part paid on a bank notification, once, and mails the producer and the buyer', async () => {
    const [first, second] = orderPageParts(await (await fetch(`${site}${orderPath}`)).text());
    const account = SAMPLE_ACCOUNTS[PRODUCTS.tuongXay.producer];
    const notification = sepayNotification(account.accountNumber, 2 * PRODUCTS.tuongXay.price, `MBVCB.9912.${first.reference}.CT tu 0011`);
    const paid = await notifyBank(site, notification);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ success: true, outcome: 'paid' });
    const replay = await notifyBank(site, notification);
    expect(await replay.json()).toEqual({ success: true, outcome: 'duplicate' });

    const after = orderPageParts(await (await fetch(`${site}${orderPath}`)).text());
    expect(after.map((part) => [part.reference, part.state, Boolean(part.qr)])).toEqual([
      [first.reference, 'paid', false],
      [second.reference, 'awaiting_transfer', true],
    ]);

    const buyerMail = await servers.smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(BUYER.email), 'to the buyer');
    expect(buyerMail.text).toContain(`${site}${orderPath}`);
    expect(buyerMail.text).toContain(first.reference);
    const placed = await servers.smtp.waitFor((m) => m.subject === `[OCOP] Đơn hàng mới ${first.reference} – Công ty TNHH SX-TM Thanh Hồ`, 'of the new order to the producer');
    expect(JSON.stringify(placed.to)).toContain(OFFICE_EMAIL);
    expect(placed.text).toContain(BUYER.address);
    const paidMail = await servers.smtp.waitFor((m) => m.subject?.startsWith(`[OCOP] Đã nhận chuyển khoản ${first.reference}`) ?? false, 'of the payment to the producer');
    expect(paidMail.text).toContain('đã được thanh toán');
    expect(servers.smtp.messages.filter((m) => m.subject?.includes(`Đã nhận chuyển khoản ${first.reference}`))).toHaveLength(1);
  });

  it.skipIf(skip)('flags a wrong amount for review, answers unknown references 2xx, refuses bad secrets and bodies', async () => {
    const [, second] = orderPageParts(await (await fetch(`${site}${orderPath}`)).text());
    const account = SAMPLE_ACCOUNTS[PRODUCTS.matThotNot.producer];
    const short = await notifyBank(site, sepayNotification(account.accountNumber, PRODUCTS.matThotNot.price - 5000, second.reference));
    expect(await short.json()).toEqual({ success: true, outcome: 'review' });
    expect(orderPageParts(await (await fetch(`${site}${orderPath}`)).text())[1].state).toBe('review');

    const unknown = await notifyBank(site, sepayNotification(account.accountNumber, 10000, 'tien dien thang 11'));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ success: true, outcome: 'unknown-reference' });
    expect((await notifyBank(site, sepayNotification('1', 1, 'x'), 'wrong-secret')).status).toBe(401);
    const malformed = await fetch(`${site}/api/payments/sepay`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Apikey test-bank-webhook-secret' }, body: '{"id":' });
    expect(malformed.status).toBe(400);
  });

  it.skipIf(skip)('refuses a bad checkout with a 4xx and stores nothing, and limits orders per client with 429 and Retry-After', async () => {
    const noBuyer = await placeOrder(site, { items: cart.items, locale: 'vi' });
    expect(noBuyer.status).toBe(400);
    expect(await noBuyer.json()).toMatchObject({ error: 'invalid-body', detail: 'buyer' });
    const badEmail = await placeOrder(site, { ...cart, buyer: { ...BUYER, email: 'nope' } });
    expect(await badEmail.json()).toMatchObject({ error: 'invalid-body', detail: 'buyer.email' });
    const expired = await placeOrder(site, { ...cart, items: [{ productId: PRODUCTS.expired.id, quantity: 1 }] });
    expect(expired.status).toBe(422);
    const crossSite = await placeOrder(site, cart, { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);

    // The limit is 4 per window here and four requests above counted; the next one is refused.
    const limited = await placeOrder(site, cart);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the orders command', () => {
  it('backs the SQLite store up while the server runs, and restores it', async () => {
    const servers = await startTransferServers();
    const backup = `${servers.ordersDbPath}.backup`;
    const run = async (...args: string[]) => (await promisify(execFile)(process.execPath, ['scripts/orders.ts', ...args, '--db', servers.ordersDbPath], { cwd: ROOT })).stdout;
    try {
      const site = servers.site.url;
      const kept = await Promise.all([placeOrder(site, cart), placeOrder(site, cart)]);
      expect(kept.map((response) => response.status)).toEqual([201, 201]);
      const before = await run('transfers');
      // Taken while another checkout is being stored.
      const [, during] = await Promise.all([run('backup', backup), placeOrder(site, cart)]);
      expect(during.status).toBe(201);
      const [part] = orderPageParts(await (await fetch(`${site}${((await kept[0].json()) as { url: string }).url}`)).text());
      await run('cancel', part.reference);
      expect(await run('transfers')).not.toBe(before);

      await servers.site.stop();
      expect(await run('restore', backup)).toContain('restored');
      const restored = await run('transfers');
      // Everything stored before the backup, as it was then; the checkout during it either whole or not at all.
      for (const line of before.trim().split('\n')) expect(restored).toContain(line);
      expect(restored).toMatch(new RegExp(`${part.reference}\\s+awaiting_transfer`));
      expect([4, 6]).toContain(restored.trim().split('\n').length);
      await expect(run('restore', `${backup}.missing`)).rejects.toThrow(/No backup at/);
    } finally {
      await servers.stop();
    }
  });

  it('confirms a part by its reference, and refuses what does not apply', async () => {
    const servers = await startTransferServers();
    try {
      const response = await placeOrder(servers.site.url, cart);
      const { url } = (await response.json()) as { url: string };
      const [part] = orderPageParts(await (await fetch(`${servers.site.url}${url}`)).text());
      const db = servers.ordersDbPath;
      // Asynchronously: the command mails the SMTP server that runs in this process.
      const run = async (...args: string[]) =>
        (await promisify(execFile)(process.execPath, ['scripts/orders.ts', ...args, '--db', db], {
          cwd: ROOT,
          env: { ...process.env, SMTP_URL: servers.smtp.url, ORDERS_OFFICE_EMAIL: OFFICE_EMAIL },
        })).stdout;
      expect(await run('confirm', part.reference.toLowerCase())).toContain(`${part.reference.toLowerCase()}: awaiting_transfer → paid`);
      expect(orderPageParts(await (await fetch(`${servers.site.url}${url}`)).text())[0].state).toBe('paid');
      expect(await run('transfers')).toMatch(new RegExp(`${part.reference}\\s+paid`));
      await expect(run('deliver', part.reference)).rejects.toThrow(/Cannot deliver .* it is paid/);
      await servers.smtp.waitFor((m) => m.subject?.startsWith(`[OCOP] Đã nhận chuyển khoản ${part.reference}`) ?? false, 'of the confirmed payment');
    } finally {
      await servers.stop();
    }
  });
});
