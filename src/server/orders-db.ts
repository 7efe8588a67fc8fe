import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { OrderLineData } from '../lib/commerce/order-metadata.ts';
import { mergeOrderStatus, type OrderStatus } from '../lib/commerce/orders.ts';

/**
 * Orders in an embedded SQLite file (node:sqlite). Stripe retries and reorders webhook events, so
 * each event is recorded once (by id), each order once (by session id), lines once per product, and
 * the status only moves forward. All of it happens in one transaction per event.
 */
export const DEFAULT_ORDERS_DB_PATH = 'data/orders.sqlite';

export interface OrderEvent {
  eventId: string;
  eventType: string;
  sessionId: string;
  status: OrderStatus;
  amountTotal: number;
  currency: string;
  customerName?: string;
  customerEmail?: string;
  customerPhone?: string;
  /** The shipping address as Stripe gives it, JSON. */
  shipping?: string;
  lines: Array<OrderLineData & { productName: string }>;
}

export type RecordOutcome = 'created' | 'updated' | 'duplicate-event';

export interface StoredOrderLine {
  sessionId: string;
  status: OrderStatus;
  createdAt: string;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  shipping: string | null;
  producerId: string;
  productId: string;
  productName: string;
  quantity: number;
  unitAmount: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS processed_events (
    event_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, session_id TEXT NOT NULL, received_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS orders (
    session_id TEXT PRIMARY KEY, status TEXT NOT NULL, amount_total INTEGER NOT NULL, currency TEXT NOT NULL,
    customer_name TEXT, customer_email TEXT, customer_phone TEXT, shipping TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS order_lines (
    session_id TEXT NOT NULL REFERENCES orders(session_id), product_id TEXT NOT NULL, producer_id TEXT NOT NULL,
    product_name TEXT NOT NULL, quantity INTEGER NOT NULL, unit_amount INTEGER NOT NULL,
    PRIMARY KEY (session_id, product_id)
  );
  CREATE INDEX IF NOT EXISTS order_lines_by_producer ON order_lines (producer_id);
`;

export class OrdersDb {
  readonly db: DatabaseSync;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL lets the export script read while the server writes; busy_timeout rides out short locks.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
  }

  record(event: OrderEvent, now = new Date().toISOString()): RecordOutcome {
    const { db } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      const seen = db.prepare('INSERT OR IGNORE INTO processed_events VALUES (?, ?, ?, ?)').run(event.eventId, event.eventType, event.sessionId, now);
      if (seen.changes === 0) {
        db.exec('ROLLBACK');
        return 'duplicate-event';
      }
      const current = db.prepare('SELECT status FROM orders WHERE session_id = ?').get(event.sessionId) as { status: OrderStatus } | undefined;
      const status = mergeOrderStatus(current?.status, event.status);
      if (current) {
        // Later events may carry details an earlier one lacked; never overwrite a detail with nothing.
        db.prepare(
          `UPDATE orders SET status = ?, customer_name = COALESCE(?, customer_name), customer_email = COALESCE(?, customer_email),
           customer_phone = COALESCE(?, customer_phone), shipping = COALESCE(?, shipping), updated_at = ? WHERE session_id = ?`,
        ).run(status, event.customerName ?? null, event.customerEmail ?? null, event.customerPhone ?? null, event.shipping ?? null, now, event.sessionId);
      } else {
        db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          event.sessionId, status, event.amountTotal, event.currency,
          event.customerName ?? null, event.customerEmail ?? null, event.customerPhone ?? null, event.shipping ?? null, now, now,
        );
      }
      const insertLine = db.prepare('INSERT OR IGNORE INTO order_lines VALUES (?, ?, ?, ?, ?, ?)');
      for (const line of event.lines) insertLine.run(event.sessionId, line.productId, line.producerId, line.productName, line.quantity, line.unitAmount);
      db.exec('COMMIT');
      return current ? 'updated' : 'created';
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Every order line with its order, for one producer or all, oldest first. */
  lines(producerId?: string): StoredOrderLine[] {
    const rows = this.db
      .prepare(
        `SELECT o.session_id AS sessionId, o.status, o.created_at AS createdAt, o.customer_name AS customerName,
           o.customer_email AS customerEmail, o.customer_phone AS customerPhone, o.shipping,
           l.producer_id AS producerId, l.product_id AS productId, l.product_name AS productName, l.quantity, l.unit_amount AS unitAmount
         FROM order_lines l JOIN orders o USING (session_id)
         WHERE ?1 IS NULL OR l.producer_id = ?1
         ORDER BY o.created_at, o.session_id, l.producer_id, l.product_id`,
      )
      .all(producerId ?? null);
    return rows as unknown as StoredOrderLine[];
  }

  orderCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  }

  close() {
    this.db.close();
  }
}
