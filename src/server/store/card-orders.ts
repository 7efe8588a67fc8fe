import type { OrderLineData } from '../../lib/commerce/order-metadata.ts';
import { mergeOrderStatus, type OrderStatus } from '../../lib/commerce/orders.ts';
import type { SqlDatabase } from './sql.ts';

/**
 * Card orders from Stripe's webhook, in the same store as bank-transfer orders (SQLite or
 * PostgreSQL). Stripe retries and reorders events, so each event is recorded once (by id), each
 * order once (by session id), lines once per product, and the status only moves forward, all in
 * one transaction per event.
 */
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

export async function recordCardOrder(db: SqlDatabase, event: OrderEvent, now = new Date().toISOString()): Promise<RecordOutcome> {
  return db.transaction(async (tx) => {
    const seen = await tx.run('INSERT INTO processed_events VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING', [event.eventId, event.eventType, event.sessionId, now]);
    if (!seen) return 'duplicate-event';
    const currentStatus = () => tx.get<{ status: OrderStatus }>(`SELECT status FROM orders WHERE session_id = ?${tx.forUpdate}`, [event.sessionId]);
    let current = await currentStatus();
    if (!current) {
      const created = await tx.run('INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING', [
        event.sessionId, event.status, event.amountTotal, event.currency,
        event.customerName ?? null, event.customerEmail ?? null, event.customerPhone ?? null, event.shipping ?? null, now, now,
      ]);
      // Another server stored this session a moment ago: carry on as an update of its row.
      if (!created) current = await currentStatus();
    }
    if (current) {
      // Later events may carry details an earlier one lacked; never overwrite a detail with nothing.
      await tx.run(
        `UPDATE orders SET status = ?, customer_name = COALESCE(?, customer_name), customer_email = COALESCE(?, customer_email),
         customer_phone = COALESCE(?, customer_phone), shipping = COALESCE(?, shipping), updated_at = ? WHERE session_id = ?`,
        [mergeOrderStatus(current.status, event.status), event.customerName ?? null, event.customerEmail ?? null, event.customerPhone ?? null, event.shipping ?? null, now, event.sessionId],
      );
    }
    for (const line of event.lines) {
      await tx.run('INSERT INTO order_lines VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, product_id) DO NOTHING', [
        event.sessionId, line.productId, line.producerId, line.productName, line.quantity, line.unitAmount,
      ]);
    }
    return current ? 'updated' : 'created';
  });
}

/** Every card order line with its order, for one producer or all, oldest first. */
export function cardOrderLines(db: SqlDatabase, producerId?: string): Promise<StoredOrderLine[]> {
  return db.all<StoredOrderLine>(
    `SELECT o.session_id AS "sessionId", o.status, o.created_at AS "createdAt", o.customer_name AS "customerName",
       o.customer_email AS "customerEmail", o.customer_phone AS "customerPhone", o.shipping,
       l.producer_id AS "producerId", l.product_id AS "productId", l.product_name AS "productName", l.quantity, l.unit_amount AS "unitAmount"
     FROM order_lines l JOIN orders o ON o.session_id = l.session_id
     WHERE CAST(? AS TEXT) IS NULL OR l.producer_id = ?
     ORDER BY o.created_at, o.session_id, l.producer_id, l.product_id`,
    [producerId ?? null, producerId ?? null],
  );
}

export async function cardOrderCount(db: SqlDatabase): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders'))?.n ?? 0);
}
