import {
  BANK_TRANSFER,
  BANK_WEBHOOK_SECRET,
  DATABASE_URL,
  MAIL_FROM,
  ORDER_EXPIRY_HOURS,
  ORDERS_DB_PATH,
  ORDERS_OFFICE_EMAIL,
  SMTP_URL,
  TRANSFER_CHECKOUT_LIMIT,
  TRANSFER_CHECKOUT_WINDOW_SECONDS,
} from 'astro:env/server';
import type { Transporter } from 'nodemailer';
import { orderNotices } from '../lib/payments/order-notices.ts';
import type { RateDecision, RateLimit } from '../lib/payments/rate-limit.ts';
import type { Notices } from '../lib/payments/transfer-order.ts';
import { pagePath } from '../lib/paths.ts';
import { deliverOutbox, smtpTransport } from './mail.ts';
import { publicOrigin } from './public-origin.ts';
import { forgetEndedWindows, takeCheckout } from './store/checkout-limits.ts';
import { openOrderStore } from './store/open.ts';
import { onShutdown } from './shutdown.ts';
import { forgetUnconfirmed } from './suggestions/store.ts';
import type { SqlDatabase } from './store/sql.ts';
import { expireUnpaid } from './store/transfer-orders.ts';

/**
 * Bank-transfer payments at run time: the order store (opened and migrated on first use), the
 * e-mail outbox's sender, the checkout rate limit, and a background round every half minute that
 * sends due mail and writes down expired orders.
 */
const BACKGROUND_INTERVAL_MS = 30_000;

/** On unless BANK_TRANSFER=false: it needs nothing installed (SQLite) and works without the webhook (orders confirm). */
export const bankTransferEnabled = () => BANK_TRANSFER;
export const bankWebhookSecret = () => BANK_WEBHOOK_SECRET ?? '';
export const orderExpiryHours = () => ORDER_EXPIRY_HOURS;
const checkoutRate = (): RateLimit => ({ limit: TRANSFER_CHECKOUT_LIMIT, windowMs: TRANSFER_CHECKOUT_WINDOW_SECONDS * 1000 });

/** Counts one bank-transfer checkout of this client, in the store every server shares. */
export async function takeTransferCheckout(client: string): Promise<RateDecision> {
  return takeCheckout(await getOrderStore(), client, checkoutRate());
}

let store: Promise<SqlDatabase> | undefined;
let transport: Transporter | undefined;

export function getOrderStore(): Promise<SqlDatabase> {
  store ??= openOrderStore({ databaseUrl: DATABASE_URL, sqlitePath: ORDERS_DB_PATH }).then((db) => {
    const round = setInterval(() => void backgroundRound(db), BACKGROUND_INTERVAL_MS);
    round.unref();
    // A stopping server closes the store after its last request, not in the middle of one.
    onShutdown(async () => {
      clearInterval(round);
      await db.close();
    });
    return db;
  });
  return store;
}

/** The notices orders send; the order link in the buyer's e-mail is on the site's public origin, never the request's. */
export function orderNoticesOfSite(): Notices {
  return orderNotices({ orderUrl: (order) => `${publicOrigin()}${pagePath('order', order.locale, order.id)}`, officeEmail: ORDERS_OFFICE_EMAIL });
}

let delivering = false;
let again = false;

/** Sends due mail now (after an order change) rather than at the next round; one run at a time. */
export function sendMailSoon(db: SqlDatabase): void {
  if (!SMTP_URL) return;
  if (delivering) {
    again = true;
    return;
  }
  delivering = true;
  transport ??= smtpTransport(SMTP_URL);
  deliverOutbox(db, transport, MAIL_FROM)
    .catch((error) => console.error('outbox: delivery round failed:', error instanceof Error ? error.message : error))
    .finally(() => {
      delivering = false;
      if (again) {
        again = false;
        sendMailSoon(db);
      }
    });
}

async function backgroundRound(db: SqlDatabase) {
  try {
    const expired = await expireUnpaid(db);
    if (expired) console.log(`orders: ${expired} unpaid order part(s) expired`);
    await forgetEndedWindows(db, checkoutRate());
    // Suggestions nobody confirmed within the link's days go, with their photos and contacts.
    const forgotten = await forgetUnconfirmed(db);
    if (forgotten) console.log(`suggestions: ${forgotten} unconfirmed suggestion(s) forgotten`);
  } catch (error) {
    console.error('orders: expiry round failed:', error instanceof Error ? error.message : error);
  }
  sendMailSoon(db);
}
