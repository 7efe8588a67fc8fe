// Bank transfer under load, on each order store: 200 concurrent checkouts, then 200 concurrent bank
// notifications (160 transactions, 40 of them delivered twice), against a built server with a local
// SMTP server. Checks nothing is lost or duplicated, no 5xx, and every notice reaches the mail server.
import { openOrderStore } from '../../src/server/store/open.ts';
import { countRows } from '../../src/server/store/transfer-orders.ts';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { BUYER, notifyBank, placeOrder, sepayNotification, startTransferServers } from '../../test/site/payments/transfer-servers.ts';
import type { Bench, BenchResult } from './run.ts';
import { percentile } from './stats.ts';

const CONCURRENT = 200;
const REPLAYS = 40;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function runOn(store: 'SQLite' | 'PostgreSQL'): Promise<BenchResult['rows']> {
  let postgres: TestPostgres | undefined;
  if (store === 'PostgreSQL') postgres = await startPostgres();
  const servers = await startTransferServers({ TRANSFER_CHECKOUT_LIMIT: '100000', ...(postgres ? { DATABASE_URL: postgres.url } : {}) });
  const db = await openOrderStore({ databaseUrl: postgres?.url, sqlitePath: servers.ordersDbPath });
  const site = servers.site.url;
  try {
    const cart = (index: number) => ({
      items: [{ productId: 'tuong-xay', quantity: 1 + (index % 5) }, { productId: 'mat-thot-not-dang-set', quantity: 1 }],
      locale: 'vi',
      buyer: { ...BUYER, email: `buyer-${index}@ocop.test` },
    });
    const checkout = (index: number) => timed(async () => {
      const response = await placeOrder(site, cart(index));
      return { status: response.status, url: ((await response.json()) as { url?: string }).url };
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => checkout(-1 - i))); // warm up catalogue, store and connections
    const ordersBefore = await countRows(db, 'transfer_orders');

    const checkoutStart = performance.now();
    const checkouts = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => checkout(i)));
    const checkoutSeconds = (performance.now() - checkoutStart) / 1000;
    const created = checkouts.filter((c) => c.value.status === 201 && c.value.url);
    const stored = (await countRows(db, 'transfer_orders')) - ordersBefore;
    const distinctUrls = new Set(created.map((c) => c.value.url)).size;

    const parts = await db.all<{ reference: string; account_number: string; amount: number }>(
      "SELECT reference, account_number, amount FROM transfer_parts WHERE state = 'awaiting_transfer' ORDER BY reference LIMIT ?",
      [CONCURRENT - REPLAYS],
    );
    const notifications = parts.map((part) => sepayNotification(part.account_number, Number(part.amount), `CT ${part.reference}`));
    const deliveries = [...notifications, ...notifications.slice(0, REPLAYS)];
    const webhookStart = performance.now();
    const answers = await Promise.all(deliveries.map((body) => timed(async () => {
      const response = await notifyBank(site, body);
      return { status: response.status, outcome: ((await response.json()) as { outcome?: string }).outcome };
    })));
    const webhookSeconds = (performance.now() - webhookStart) / 1000;
    const paidAnswers = answers.filter((a) => a.value.outcome === 'paid').length;
    const duplicates = answers.filter((a) => a.value.outcome === 'duplicate').length;
    const paidParts = Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM transfer_parts WHERE state = 'paid'"))?.n);

    // Every notice queued so far must reach the SMTP server: 3 per order (two producers' parts, the buyer) and one per payment.
    const expectedMail = await countRows(db, 'outbox');
    const mailStart = performance.now();
    while (servers.smtp.received() < expectedMail && performance.now() - mailStart < 120_000) await new Promise((r) => setTimeout(r, 200));
    const mailSeconds = (performance.now() - mailStart) / 1000;

    const fiveXx = [...checkouts, ...answers].filter((r) => r.value.status >= 500).length;
    const checkoutLatency = checkouts.map((c) => c.ms).sort((a, b) => a - b);
    const webhookLatency = answers.map((a) => a.ms).sort((a, b) => a - b);
    return [
      { measure: `${store}: checkouts`, value: `${(CONCURRENT / checkoutSeconds).toFixed(0)} orders/s, p50 ${ms(percentile(checkoutLatency, 50))}, p95 ${ms(percentile(checkoutLatency, 95))}`, goal: 'p95 < 2000 ms', met: percentile(checkoutLatency, 95) < 2000 },
      { measure: `${store}: orders lost / duplicated`, value: `${CONCURRENT - stored} lost, ${created.length - distinctUrls} duplicated (${stored} stored, ${created.length} answered 201)`, goal: '0 / 0', met: stored === CONCURRENT && distinctUrls === CONCURRENT && created.length === CONCURRENT },
      { measure: `${store}: bank notifications`, value: `${(deliveries.length / webhookSeconds).toFixed(0)} /s, p50 ${ms(percentile(webhookLatency, 50))}, p95 ${ms(percentile(webhookLatency, 95))}`, goal: 'p95 < 2000 ms', met: percentile(webhookLatency, 95) < 2000 },
      { measure: `${store}: payments applied`, value: `${paidAnswers} paid, ${duplicates} replays ignored, ${paidParts} parts paid in the store`, goal: `${CONCURRENT - REPLAYS} / ${REPLAYS} / ${CONCURRENT - REPLAYS}`, met: paidAnswers === CONCURRENT - REPLAYS && duplicates === REPLAYS && paidParts === CONCURRENT - REPLAYS },
      { measure: `${store}: 5xx answers`, value: String(fiveXx), goal: '0', met: fiveXx === 0 },
      { measure: `${store}: e-mail delivered`, value: `${servers.smtp.received()} of ${expectedMail} queued, ${mailSeconds.toFixed(1)} s after the last notification`, goal: 'all', met: servers.smtp.received() === expectedMail },
    ];
  } finally {
    await db.close();
    await servers.stop();
    postgres?.stop();
  }
}

const bench: Bench = {
  name: 'bank-transfer',
  async run() {
    const skipped = postgresUnavailable();
    const rows = [...(await runOn('SQLite')), ...(skipped ? [] : await runOn('PostgreSQL'))];
    return {
      title: `Bank transfer under load (${CONCURRENT} concurrent checkouts, ${CONCURRENT} concurrent bank notifications, per order store)`,
      rows,
      notes: [
        'One server process; PostgreSQL is a local throwaway cluster (fsync off), SQLite a file in the temporary folder; e-mail goes to a local SMTP server.',
        ...(skipped ? [`PostgreSQL not measured: ${skipped}.`] : []),
      ],
    };
  },
};

export default bench;
