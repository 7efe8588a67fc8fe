import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOrderCount, cardOrderLines, recordCardOrder, type OrderEvent } from '../../../src/server/store/card-orders.ts';
import { migrate } from '../../../src/server/store/migrations.ts';
import { openOrderStore } from '../../../src/server/store/open.ts';
import { claimDueMail, markMailFailed, markMailSent, outboxCounts } from '../../../src/server/store/outbox.ts';
import { PostgresDatabase } from '../../../src/server/store/postgres.ts';
import type { SqlDatabase } from '../../../src/server/store/sql.ts';
import { SqliteDatabase } from '../../../src/server/store/sqlite.ts';
import {
  applyBankNotification,
  applyPartEvent,
  countRows,
  createTransferOrder,
  expireUnpaid,
  findTransferOrder,
  resolveTransaction,
  unsettledTransactions,
} from '../../../src/server/store/transfer-orders.ts';
import { takeCheckout } from '../../../src/server/store/checkout-limits.ts';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { bankNotification, notices, twoProducerOrder } from './store-fixtures.ts';

const NOW = '2026-11-25T09:00:00.000Z';
const skipPostgres = postgresUnavailable();
if (skipPostgres) console.warn(`order store: PostgreSQL tests skipped: ${skipPostgres}`);

const stores: Array<[string, () => Promise<{ db: SqlDatabase; stop(): Promise<void> }>, boolean]> = [
  ['SQLite', async () => {
    const db = new SqliteDatabase(':memory:');
    return { db, stop: () => db.close() };
  }, false],
  ['PostgreSQL', async () => {
    const server: TestPostgres = await startPostgres();
    const db = new PostgresDatabase(server.url, 20);
    return { db, stop: async () => { await db.close(); server.stop(); } };
  }, Boolean(skipPostgres)],
];

describe.each(stores)('order store on %s', (_name, open, skip) => {
  let db: SqlDatabase;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, stop } = await open());
    await migrate(db);
  });
  afterAll(() => stop?.());

  it.skipIf(skip)('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db)).toBe(0);
  });

  it.skipIf(skip)('stores an order split per producer and queues a notice per producer and one for the buyer', async () => {
    const order = twoProducerOrder();
    const before = await countRows(db, 'outbox');
    await createTransferOrder(db, order, notices, NOW);
    const found = await findTransferOrder(db, order.id, NOW);
    expect(found).toEqual(order);
    const mails = await db.all<{ recipient: string; kind: string }>('SELECT recipient, kind FROM outbox WHERE order_id = ? ORDER BY recipient', [order.id]);
    expect(mails).toEqual([
      { recipient: 'buyer@example.test', kind: 'buyer-order' },
      { recipient: 'office@example.test', kind: 'part-placed' },
      { recipient: 'palmania@example.test', kind: 'part-placed' },
    ]);
    expect(await countRows(db, 'outbox')).toBe(before + 3);
    expect(await findTransferOrder(db, 'A'.repeat(22), NOW)).toBeUndefined();
  });

  it.skipIf(skip)('pays a part on the exact amount to its account, once: a replay changes nothing', async () => {
    const order = twoProducerOrder();
    await createTransferOrder(db, order, notices, NOW);
    const [first, second] = order.parts;
    const notice = bankNotification(first.accountNumber, first.amount, `MBVCB.123.${first.reference}.CT tu 0123`);
    expect(await applyBankNotification(db, 'sepay', notice, notices, NOW)).toEqual({ outcome: 'paid', reference: first.reference });
    expect(await applyBankNotification(db, 'sepay', notice, notices, NOW)).toEqual({ outcome: 'duplicate' });
    const found = await findTransferOrder(db, order.id, NOW);
    expect(found?.parts.map((part) => part.state)).toEqual(['paid', 'awaiting_transfer']);
    const paidMails = await db.all('SELECT recipient FROM outbox WHERE order_id = ? AND kind = ?', [order.id, 'part-paid']);
    expect(paidMails).toEqual([{ recipient: 'office@example.test' }]);
    // A short transfer for the other part is flagged, never paid.
    const short = bankNotification(second.accountNumber, second.amount - 1000, second.reference.toLowerCase());
    expect((await applyBankNotification(db, 'sepay', short, notices, NOW)).outcome).toBe('review');
    expect((await findTransferOrder(db, order.id, NOW))?.parts[1].state).toBe('review');
  });

  it.skipIf(skip)('answers unknown references and outgoing transfers without touching orders', async () => {
    expect((await applyBankNotification(db, 'sepay', bankNotification('123', 5000, 'tien nha thang 11'), notices, NOW)).outcome).toBe('unknown-reference');
    const out = { ...bankNotification('123', 5000, 'OCOP'), transferType: 'out' as const };
    expect((await applyBankNotification(db, 'sepay', out, notices, NOW)).outcome).toBe('outgoing');
  });

  it.skipIf(skip)('applies 50 concurrent deliveries of one transaction exactly once', async () => {
    const order = twoProducerOrder();
    await createTransferOrder(db, order, notices, NOW);
    const part = order.parts[1];
    const notice = bankNotification(part.accountNumber, part.amount, part.reference);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => applyBankNotification(db, 'sepay', notice, notices, NOW)));
    expect(outcomes.filter((o) => o.outcome === 'paid')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(49);
    expect(await db.all('SELECT kind FROM outbox WHERE order_id = ? AND kind = ?', [order.id, 'part-paid'])).toHaveLength(1);
  });

  it.skipIf(skip)('lets a person confirm, ship and deliver, and refuses moves that do not apply', async () => {
    const order = twoProducerOrder();
    await createTransferOrder(db, order, notices, NOW);
    const { reference } = order.parts[0];
    expect(await applyPartEvent(db, reference, 'ship', 'cli', notices, NOW)).toEqual({ ok: false, reason: 'not-allowed', state: 'awaiting_transfer' });
    expect(await applyPartEvent(db, reference, 'confirm', 'cli', notices, NOW)).toEqual({ ok: true, from: 'awaiting_transfer', to: 'paid' });
    expect(await applyPartEvent(db, reference, 'ship', 'cli', notices, NOW)).toMatchObject({ ok: true, to: 'shipped' });
    expect(await applyPartEvent(db, reference, 'deliver', 'cli', notices, NOW)).toMatchObject({ ok: true, to: 'delivered' });
    expect(await applyPartEvent(db, 'OCOPNOSUCHREF', 'confirm', 'cli', notices, NOW)).toEqual({ ok: false, reason: 'unknown-reference' });
  });

  it.skipIf(skip)('expires unpaid parts after the order expires; money arriving later goes to review', async () => {
    const order = twoProducerOrder({ expiresAt: '2026-11-25T08:30:00.000Z' });
    await createTransferOrder(db, order, notices, '2026-11-25T08:00:00.000Z');
    expect((await findTransferOrder(db, order.id, NOW))?.parts.map((p) => p.state)).toEqual(['expired', 'expired']);
    expect(await expireUnpaid(db, NOW)).toBeGreaterThanOrEqual(2);
    const part = order.parts[0];
    const late = bankNotification(part.accountNumber, part.amount, part.reference);
    expect((await applyBankNotification(db, 'sepay', late, notices, NOW)).outcome).toBe('review');
  });

  it.skipIf(skip)('hands each due e-mail to one sender, and retries a failed one later', async () => {
    const now = Date.parse('2026-11-26T00:00:00Z');
    const [a, b] = await Promise.all([claimDueMail(db, now, 500), claimDueMail(db, now, 500)]);
    const ids = [...a, ...b].map((mail) => mail.id);
    expect(new Set(ids).size).toBe(ids.length);
    const { pending } = await outboxCounts(db);
    expect(ids.length).toBe(pending);
    const [failed, ...rest] = [...a, ...b];
    await markMailFailed(db, failed, 'connection refused', now);
    for (const mail of rest) await markMailSent(db, mail.id, now);
    expect(await claimDueMail(db, now + 1000)).toEqual([]);
    const retried = await claimDueMail(db, now + 61_000);
    expect(retried.map((mail) => [mail.id, mail.attempts])).toEqual([[failed.id, 1]]);
  });

  it.skipIf(skip)('tells the office and the producer of money that pays nothing, and lists it until a person resolves it', async () => {
    const order = twoProducerOrder();
    await createTransferOrder(db, order, notices, NOW);
    const palmania = order.parts[1];
    const short = bankNotification(palmania.accountNumber, palmania.amount - 1, palmania.reference);
    const stray = bankNotification(palmania.accountNumber, 5000, 'khong co ma');
    expect((await applyBankNotification(db, 'sepay', short, notices, NOW)).outcome).toBe('review');
    expect((await applyBankNotification(db, 'sepay', stray, notices, NOW)).outcome).toBe('unknown-reference');
    const mails = await db.all<{ recipient: string; kind: string }>("SELECT recipient, kind FROM outbox WHERE kind LIKE 'payment-%' AND body LIKE ? ORDER BY kind, recipient", [`%${palmania.accountNumber}%`]);
    // The stray transfer's producer is known by the account it reached.
    expect(mails.filter((mail) => mail.kind === 'payment-review' || mail.kind === 'payment-unknown-reference').map((mail) => mail.recipient)).toEqual(
      expect.arrayContaining(['office@example.test', 'palmania@example.test']),
    );
    const listed = (await unsettledTransactions(db)).map((t) => [t.transactionId, t.outcome, t.partState]);
    expect(listed).toEqual(expect.arrayContaining([[short.id, 'review', 'review'], [stray.id, 'unknown-reference', null]]));
    await applyPartEvent(db, palmania.reference, 'confirm', 'cli: checked', notices, NOW);
    expect(await resolveTransaction(db, stray.id, 'refunded', NOW)).toBe(true);
    expect(await resolveTransaction(db, stray.id, 'again', NOW)).toBe(false);
    const left = (await unsettledTransactions(db)).map((t) => t.transactionId);
    expect(left).not.toContain(short.id);
    expect(left).not.toContain(stray.id);
  });

  it.skipIf(skip)('counts checkouts per client in the store, so every server shares one limit', async () => {
    const rate = { limit: 2, windowMs: 60_000 };
    const start = Date.parse(NOW);
    const decisions = await Promise.all(Array.from({ length: 5 }, () => takeCheckout(db, 'client-a', rate, start)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(2);
    expect(decisions.find((d) => !d.allowed)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await takeCheckout(db, 'client-b', rate, start)).allowed).toBe(true);
    expect((await takeCheckout(db, 'client-a', rate, start + 60_000)).allowed).toBe(true);
  });

  const cardEvent = (eventId: string, sessionId: string, status: OrderEvent['status']): OrderEvent => ({
    eventId, eventType: 'checkout.session.completed', sessionId, status, amountTotal: 155000, currency: 'vnd', customerName: 'A',
    lines: [
      { productId: 'tuong-xay', producerId: 'thanh-ho', productName: 'Tương xay', quantity: 2, unitAmount: 35000 },
      { productId: 'mat-thot-not-dang-set', producerId: 'palmania', productName: 'Mật thốt nốt', quantity: 1, unitAmount: 85000 },
    ],
  });

  it.skipIf(skip)('records card orders from Stripe once per event, status only moving forward', async () => {
    expect(await recordCardOrder(db, cardEvent('evt_1', 'cs_1', 'paid'), NOW)).toBe('created');
    expect(await recordCardOrder(db, cardEvent('evt_1', 'cs_1', 'paid'), NOW)).toBe('duplicate-event');
    expect(await recordCardOrder(db, cardEvent('evt_2', 'cs_1', 'awaiting_payment'), NOW)).toBe('updated');
    const lines = await cardOrderLines(db, 'palmania');
    expect(lines.map((line) => [line.sessionId, line.status, line.quantity, line.unitAmount])).toEqual([['cs_1', 'paid', 1, 85000]]);
  });

  it.skipIf(skip)('stores one card order when many events for it arrive at once', async () => {
    const before = await cardOrderCount(db);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => recordCardOrder(db, cardEvent(`evt_race_${i}`, 'cs_race', 'paid'), NOW)));
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    expect(await cardOrderCount(db)).toBe(before + 1);
    expect((await cardOrderLines(db)).filter((line) => line.sessionId === 'cs_race')).toHaveLength(2);
  });
});

describe('an orders file written before the shared store', () => {
  it('is adopted as it is: its card orders stay readable and new tables are added', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ocop-old-orders-'));
    const file = path.join(folder, 'orders.sqlite');
    const old = new DatabaseSync(file);
    // The schema src/server/orders-db.ts created until the store was shared.
    old.exec(`
      CREATE TABLE processed_events (event_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, session_id TEXT NOT NULL, received_at TEXT NOT NULL);
      CREATE TABLE orders (session_id TEXT PRIMARY KEY, status TEXT NOT NULL, amount_total INTEGER NOT NULL, currency TEXT NOT NULL,
        customer_name TEXT, customer_email TEXT, customer_phone TEXT, shipping TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE order_lines (session_id TEXT NOT NULL REFERENCES orders(session_id), product_id TEXT NOT NULL, producer_id TEXT NOT NULL,
        product_name TEXT NOT NULL, quantity INTEGER NOT NULL, unit_amount INTEGER NOT NULL, PRIMARY KEY (session_id, product_id));
      CREATE INDEX order_lines_by_producer ON order_lines (producer_id);
      INSERT INTO orders VALUES ('cs_old', 'paid', 35000, 'vnd', 'B', NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO order_lines VALUES ('cs_old', 'tuong-xay', 'thanh-ho', 'Tương xay', 1, 35000);
    `);
    old.close();
    const db = await openOrderStore({ sqlitePath: file });
    try {
      expect((await cardOrderLines(db)).map((line) => [line.sessionId, line.status, line.productName])).toEqual([['cs_old', 'paid', 'Tương xay']]);
      expect(await countRows(db, 'transfer_orders')).toBe(0);
    } finally {
      await db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
