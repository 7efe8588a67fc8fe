// Orders per producer, from the order store.
// Usage: npm run orders -- [--db data/orders.sqlite] [--producer <id>] [--csv orders.csv]
//          card (Stripe) orders: each producer's orders and subtotal, or CSV with --csv
//        npm run orders -- transfers [--producer <id>]          bank-transfer order parts and their state, then
//          the transfers that paid nothing and need a person, each with what to do
//        npm run orders -- resolve <transaction id> --note "refunded"   records that a person dealt with one
//        npm run orders -- confirm|ship|deliver|cancel <reference> [--note "…"]
//          a producer or the office records a transfer seen on the statement, a dispatch, a delivery
//          or a cancellation, by the part's reference (OCOP…); confirming queues the producer's notice
//        npm run orders -- expire                               writes down expired unpaid parts now
//        npm run orders -- backup <file> | restore <file>       a consistent copy of the SQLite store, taken while
//          servers run, and bringing one back (stop the servers first); PostgreSQL: pg_dump (README, Deployment)
// The store is PostgreSQL when DATABASE_URL names it, else the SQLite file (--db).
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ordersToCsv } from '../src/lib/commerce/orders-csv.ts';
import { splitByProducer } from '../src/lib/commerce/orders.ts';
import { formatVnd } from '../src/lib/money.ts';
import { orderNotices } from '../src/lib/payments/order-notices.ts';
import type { PartEvent } from '../src/lib/payments/order-states.ts';
import { pagePath } from '../src/lib/paths.ts';
import { deliverOutbox, smtpTransport } from '../src/server/mail.ts';
import { unsettledAdvice } from '../src/lib/payments/unsettled-payments.ts';
import { cardOrderLines } from '../src/server/store/card-orders.ts';
import { DEFAULT_ORDERS_DB_PATH, isPostgresUrl, openOrderStore } from '../src/server/store/open.ts';
import { BackupError, backupSqliteStore, restoreSqliteStore } from '../src/server/store/sqlite-backup.ts';
import { applyPartEvent, expireUnpaid, listParts, resolveTransaction, unsettledTransactions } from '../src/server/store/transfer-orders.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.ORDERS_DB_PATH ?? DEFAULT_ORDERS_DB_PATH },
    producer: { type: 'string' },
    csv: { type: 'string' },
    note: { type: 'string' },
  },
});
const [command, reference] = positionals;

/** A mistake of the person at the keyboard: said plainly, no stack trace. */
class UsageError extends Error {}
const EVENTS: Record<string, PartEvent> = { confirm: 'confirm', ship: 'ship', deliver: 'deliver', cancel: 'cancel' };
/** Who did it, and their note: kept with the change. */
const cause = () => `cli:${process.env.USER ?? 'unknown'}${values.note ? `: ${values.note}` : ''}`;


if (command === undefined) await listCardOrders();
else if (command === 'transfers' || command === 'expire' || command === 'resolve' || EVENTS[command]) await transferCommand(command);
else if (command === 'backup' || command === 'restore') await backupCommand(command, reference);
else {
  console.error(`Unknown command "${command}". Commands: transfers, confirm, ship, deliver, cancel, expire, resolve, backup, restore (or none for card orders).`);
  process.exit(2);
}

async function backupCommand(name: 'backup' | 'restore', file: string | undefined) {
  try {
    if (!file) throw new BackupError(`Usage: npm run orders -- ${name} <file>`);
    if (isPostgresUrl(process.env.DATABASE_URL)) {
      throw new BackupError(`The order store is PostgreSQL (DATABASE_URL): use pg_dump -Fc and pg_restore --clean, as the README's Deployment section shows.`);
    }
    if (name === 'backup') {
      backupSqliteStore(values.db, file);
      console.log(`Order store ${values.db} copied to ${file}.`);
    } else {
      await restoreSqliteStore(file, values.db);
      console.log(`Order store ${values.db} restored from ${file}.`);
    }
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

async function transferCommand(name: string) {
  const db = await openOrderStore({ databaseUrl: process.env.DATABASE_URL, sqlitePath: values.db });
  try {
    if (name === 'transfers') {
      const parts = await listParts(db, { producerId: values.producer });
      for (const part of parts) {
        console.log(`${part.createdAt.slice(0, 16)}  ${part.reference}  ${part.state.padEnd(17)} ${formatVnd(part.amount, 'vi').padStart(12)}  ${part.producerName}`);
      }
      if (!parts.length) console.log('No bank-transfer orders yet.');
      const unsettled = await unsettledTransactions(db);
      if (unsettled.length) console.log(`\nTransfers that paid nothing and need a person (${unsettled.length}):`);
      for (const t of unsettled) {
        const part = t.reference ? ` for ${t.reference} (${t.partState})` : '';
        console.log(`${t.receivedAt.slice(0, 16)}  ${t.transactionId}  ${t.outcome.padEnd(17)} ${formatVnd(t.amount, 'vi').padStart(12)}  to ${t.accountNumber}${part}, "${t.content}"`);
        console.log(`    to do: ${unsettledAdvice(t.outcome, t.reference ?? undefined, 'en')}`);
      }
    } else if (name === 'resolve') {
      if (!reference || !values.note) throw new UsageError('Usage: npm run orders -- resolve <transaction id> --note "what was done"');
      if (!(await resolveTransaction(db, reference, cause()))) throw new UsageError(`No unsettled transfer has the id ${reference}.`);
      console.log(`${reference}: resolved (${values.note}).`);
    } else if (name === 'expire') {
      console.log(`${await expireUnpaid(db)} unpaid part(s) expired.`);
    } else {
      if (!reference) throw new UsageError(`Usage: npm run orders -- ${name} <reference>`);
      const site = process.env.SITE_URL ?? 'http://localhost:4321';
      const notices = orderNotices({ orderUrl: (order) => `${new URL(site).origin}${pagePath('order', order.locale, order.id)}`, officeEmail: process.env.ORDERS_OFFICE_EMAIL });
      const result = await applyPartEvent(db, reference.toUpperCase(), EVENTS[name], cause(), notices);
      if (!result.ok) {
        throw new UsageError(result.reason === 'unknown-reference' ? `No order part has the reference ${reference}.` : `Cannot ${name} ${reference}: it is ${result.state}.`);
      }
      console.log(`${reference}: ${result.from} → ${result.to}`);
      if (process.env.SMTP_URL) {
        const transport = smtpTransport(process.env.SMTP_URL);
        try {
          const { sent, failed } = await deliverOutbox(db, transport, process.env.MAIL_FROM ?? 'OCOP <no-reply@ocop.invalid>');
          if (sent || failed) console.log(`e-mail: ${sent} sent, ${failed} kept in the outbox for a later attempt`);
        } finally {
          transport.close();
        }
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

async function listCardOrders() {
  if (!isPostgresUrl(process.env.DATABASE_URL) && !existsSync(values.db)) {
    console.error(`No orders database at ${values.db} (set --db, ORDERS_DB_PATH or DATABASE_URL).`);
    process.exit(1);
  }
  const db = await openOrderStore({ databaseUrl: process.env.DATABASE_URL, sqlitePath: values.db });
  const lines = await cardOrderLines(db, values.producer);
  await db.close();

  if (values.csv) {
    writeFileSync(values.csv, ordersToCsv(lines));
    console.log(`${lines.length} order lines written to ${values.csv}`);
    return;
  }
  for (const share of splitByProducer(lines)) {
    const orders = new Set(share.lines.map((line) => line.sessionId)).size;
    console.log(`\n${share.producerId}: ${orders} order(s), ${formatVnd(share.subtotal, 'vi')}`);
    for (const line of share.lines) {
      console.log(`  ${line.createdAt.slice(0, 16)}  ${line.sessionId.slice(-12)}  ${line.status.padEnd(16)} ${line.quantity} × ${line.productName} (${formatVnd(line.unitAmount, 'vi')})`);
    }
  }
  if (!lines.length) console.log('No orders yet.');
}
