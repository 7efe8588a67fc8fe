import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOrderMetadata } from '../../../src/lib/commerce/order-metadata.ts';
import { cardOrderCount, cardOrderLines, type StoredOrderLine } from '../../../src/server/store/card-orders.ts';
import { openOrderStore } from '../../../src/server/store/open.ts';
import type { SqlDatabase } from '../../../src/server/store/sql.ts';
import { ROOT } from '../../support/server.ts';
import { TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from '../../support/stripe-test-server.ts';
import { PRODUCTS, startCommerceServers, type CommerceServers } from './commerce-servers.ts';

const stripe = new Stripe(TEST_SECRET_KEY);
let eventCount = 0;

/** A Checkout Session event as Stripe sends it, for a cart of two producers. */
function sessionEvent(type: string, sessionId: string, paymentStatus: 'paid' | 'unpaid', eventId = `evt_test_${++eventCount}`) {
  const lines = [
    { productId: PRODUCTS.tuongXay.id, producerId: PRODUCTS.tuongXay.producer, quantity: 2, unitAmount: PRODUCTS.tuongXay.price },
    { productId: PRODUCTS.matThotNot.id, producerId: PRODUCTS.matThotNot.producer, quantity: 3, unitAmount: PRODUCTS.matThotNot.price },
  ];
  return {
    id: eventId,
    object: 'event',
    type,
    created: 1_790_000_000 + eventCount,
    api_version: '2026-10-28.endive',
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        amount_total: 2 * 35000 + 3 * 85000,
        currency: 'vnd',
        payment_status: paymentStatus,
        status: 'complete',
        metadata: encodeOrderMetadata(lines),
        customer_details: { name: 'Nguyễn Văn A', email: 'a@example.com', phone: '+84901234567' },
        collected_information: { shipping_details: { name: 'Nguyễn Văn A', address: { country: 'VN', city: 'Long Xuyên', line1: '1 Trần Hưng Đạo' } } },
      },
    },
  };
}

describe('POST /api/stripe/webhook', () => {
  let servers: CommerceServers;
  let store: SqlDatabase;
  beforeAll(async () => {
    servers = await startCommerceServers();
    store = await openOrderStore({ sqlitePath: servers.ordersDbPath });
  });
  afterAll(async () => {
    await store?.close();
    await servers?.stop();
  });
  const orders = {
    lines: (producerId?: string): Promise<StoredOrderLine[]> => cardOrderLines(store, producerId),
    orderCount: () => cardOrderCount(store),
  };

  const deliver = (event: object, secret = TEST_WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    return fetch(`${servers.site.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret }) },
      body: payload,
    });
  };
  const linesOf = async (sessionId: string) => (await orders.lines()).filter((line) => line.sessionId === sessionId);

  it('stores a paid order, split per producer', async () => {
    const response = await deliver(sessionEvent('checkout.session.completed', 'cs_test_paid', 'paid'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'created' });
    const lines = await linesOf('cs_test_paid');
    expect(lines.map((l) => [l.producerId, l.productId, l.productName, l.quantity, l.unitAmount, l.status])).toEqual([
      [PRODUCTS.matThotNot.producer, PRODUCTS.matThotNot.id, PRODUCTS.matThotNot.name, 3, 85000, 'paid'],
      [PRODUCTS.tuongXay.producer, PRODUCTS.tuongXay.id, PRODUCTS.tuongXay.name, 2, 35000, 'paid'],
    ]);
    expect(lines[0]).toMatchObject({ customerName: 'Nguyễn Văn A', customerPhone: '+84901234567' });
    expect(JSON.parse(lines[0].shipping!).address.city).toBe('Long Xuyên');
    expect((await orders.lines(PRODUCTS.tuongXay.producer)).filter((l) => l.sessionId === 'cs_test_paid')).toHaveLength(1);
  });

  it('refuses a bad signature with 400 and stores nothing', async () => {
    const before = await orders.orderCount();
    const forged = await deliver(sessionEvent('checkout.session.completed', 'cs_test_forged', 'paid'), 'whsec_wrong');
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: 'invalid-signature' });
    const event = sessionEvent('checkout.session.completed', 'cs_test_tampered', 'paid');
    const payload = JSON.stringify(event);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const tampered = await fetch(`${servers.site.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
      body: payload.replace('"amount_total":325000', '"amount_total":1'),
    });
    expect(tampered.status).toBe(400);
    const unsigned = await fetch(`${servers.site.url}/api/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload });
    expect(unsigned.status).toBe(400);
    expect(await orders.orderCount()).toBe(before);
  });

  it('stores the same event delivered twice once', async () => {
    const event = sessionEvent('checkout.session.completed', 'cs_test_twice', 'paid');
    expect((await (await deliver(event)).json()).outcome).toBe('created');
    expect((await (await deliver(event)).json()).outcome).toBe('duplicate-event');
    expect(await linesOf('cs_test_twice')).toHaveLength(2);
  });

  it('ends paid however the delayed-payment events are ordered, with one order', async () => {
    await deliver(sessionEvent('checkout.session.async_payment_succeeded', 'cs_test_reordered', 'paid'));
    await deliver(sessionEvent('checkout.session.completed', 'cs_test_reordered', 'unpaid'));
    expect(new Set((await linesOf('cs_test_reordered')).map((l) => l.status))).toEqual(new Set(['paid']));

    await deliver(sessionEvent('checkout.session.completed', 'cs_test_in_order', 'unpaid'));
    expect((await linesOf('cs_test_in_order'))[0].status).toBe('awaiting_payment');
    await deliver(sessionEvent('checkout.session.async_payment_failed', 'cs_test_in_order', 'unpaid'));
    expect((await linesOf('cs_test_in_order')).map((l) => l.status)).toEqual(['payment_failed', 'payment_failed']);
  });

  it('acknowledges events it does not handle without storing them', async () => {
    const before = await orders.orderCount();
    const response = await deliver({ ...sessionEvent('checkout.session.expired', 'cs_test_expired', 'unpaid') });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, ignored: 'checkout.session.expired' });
    expect(await orders.orderCount()).toBe(before);
  });

  it('lists orders per producer and exports them as CSV (npm run orders)', async () => {
    await deliver(sessionEvent('checkout.session.completed', 'cs_test_export', 'paid'));
    const run = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'scripts/orders.ts'), '--db', servers.ordersDbPath, ...args], { encoding: 'utf8' });
    const listing = run('--producer', PRODUCTS.tuongXay.producer);
    expect(listing).toContain(`${PRODUCTS.tuongXay.producer}:`);
    expect(listing).not.toContain(PRODUCTS.matThotNot.producer);
    expect(listing).toContain('2 × Tương xay');

    const file = path.join(path.dirname(servers.ordersDbPath), 'export.csv');
    run('--csv', file);
    const rows = readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
    const exported = rows.filter((row) => row.includes('cs_test_export'));
    expect(exported.map((row) => row.split(',').slice(0, 1).concat(row.split(',').slice(6, 9)))).toEqual([
      [PRODUCTS.matThotNot.producer, '3', '85000', '255000'],
      [PRODUCTS.tuongXay.producer, '2', '35000', '70000'],
    ]);
  });
});
