import type { BankNotification } from '../../lib/payments/bank-notification.ts';
import { nextPartState, type PartEvent, type PartState } from '../../lib/payments/order-states.ts';
import { referencesIn } from '../../lib/payments/references.ts';
import type { Notices, TransferOrder, TransferPart } from '../../lib/payments/transfer-order.ts';
import { UNSETTLED_OUTCOMES, type UnsettledOutcome, type UnsettledPayment } from '../../lib/payments/unsettled-payments.ts';
import { enqueueMail } from './outbox.ts';
import type { SqlRunner, SqlDatabase } from './sql.ts';

/**
 * Bank-transfer orders: one order, one part per producer (each paid to that producer's account
 * under its own reference), the lines, every bank notification received, and every state change.
 * Notices go into the outbox in the same transaction as the change they announce.
 */
export async function createTransferOrder(db: SqlDatabase, order: TransferOrder, notices: Notices, now = new Date().toISOString()) {
  await db.transaction(async (tx) => {
    const { buyer } = order;
    await tx.run('INSERT INTO transfer_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      order.id, order.locale, buyer.name, buyer.phone, buyer.email, buyer.address, order.total, order.createdAt, order.expiresAt,
    ]);
    for (const [position, part] of order.parts.entries()) {
      await tx.run('INSERT INTO transfer_parts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        part.reference, order.id, position, part.producerId, part.producerName, part.noticeEmail ?? null,
        part.bankBin, part.accountNumber, part.accountName, part.accountSample ? 1 : 0, part.amount, part.state, now,
      ]);
      for (const line of part.lines) {
        await tx.run('INSERT INTO transfer_lines VALUES (?, ?, ?, ?, ?, ?, ?)', [
          order.id, part.producerId, line.productId, line.productName, line.unit, line.quantity, line.unitAmount,
        ]);
      }
    }
    for (const mail of notices.orderPlaced(order)) await enqueueMail(tx, mail, now);
  });
}

interface OrderRow {
  id: string; locale: 'vi' | 'en'; buyer_name: string; buyer_phone: string; buyer_email: string; buyer_address: string;
  total: number; created_at: string; expires_at: string;
}
interface PartRow {
  reference: string; producer_id: string; producer_name: string; notice_email: string | null; bank_bin: string;
  account_number: string; account_name: string; account_sample: number; amount: number; state: PartState;
}
interface LineRow { producer_id: string; product_id: string; product_name: string; unit: string; quantity: number; unit_amount: number }

async function loadOrder(db: SqlRunner, id: string, lock = ''): Promise<TransferOrder | undefined> {
  const order = await db.get<OrderRow>(`SELECT * FROM transfer_orders WHERE id = ?${lock}`, [id]);
  if (!order) return undefined;
  const parts = await db.all<PartRow>(`SELECT * FROM transfer_parts WHERE order_id = ? ORDER BY position${lock}`, [id]);
  const lines = await db.all<LineRow>('SELECT * FROM transfer_lines WHERE order_id = ? ORDER BY product_name', [id]);
  return {
    id: order.id,
    locale: order.locale,
    buyer: { name: order.buyer_name, phone: order.buyer_phone, email: order.buyer_email, address: order.buyer_address },
    total: Number(order.total),
    createdAt: order.created_at,
    expiresAt: order.expires_at,
    parts: parts.map((part) => ({
      reference: part.reference,
      producerId: part.producer_id,
      producerName: part.producer_name,
      noticeEmail: part.notice_email ?? undefined,
      bankBin: part.bank_bin,
      accountNumber: part.account_number,
      accountName: part.account_name,
      accountSample: Boolean(part.account_sample),
      amount: Number(part.amount),
      state: part.state,
      lines: lines
        .filter((line) => line.producer_id === part.producer_id)
        .map((line) => ({ productId: line.product_id, productName: line.product_name, unit: line.unit, quantity: line.quantity, unitAmount: Number(line.unit_amount) })),
    })),
  };
}

/** An unpaid part past the order's expiry is expired, whether or not the sweep has written it yet. */
const dueState = (order: TransferOrder, part: TransferPart, now: string): PartState =>
  part.state === 'awaiting_transfer' && order.expiresAt <= now ? 'expired' : part.state;

export async function findTransferOrder(db: SqlDatabase, id: string, now = new Date().toISOString()): Promise<TransferOrder | undefined> {
  const order = await loadOrder(db, id);
  if (order) for (const part of order.parts) part.state = dueState(order, part, now);
  return order;
}

async function movePart(tx: SqlRunner, order: TransferOrder, part: TransferPart, to: PartState, cause: string, notices: Notices, now: string) {
  await tx.run('UPDATE transfer_parts SET state = ?, updated_at = ? WHERE reference = ?', [to, now, part.reference]);
  await tx.run('INSERT INTO part_events VALUES (?, ?, ?, ?, ?)', [part.reference, part.state, to, cause, now]);
  part.state = to;
  if (to === 'paid') for (const mail of notices.partPaid(order, part)) await enqueueMail(tx, mail, now);
}

async function lockedPart(tx: SqlRunner, reference: string, now: string) {
  const row = await tx.get<{ order_id: string }>(`SELECT order_id FROM transfer_parts WHERE reference = ?${tx.forUpdate}`, [reference]);
  if (!row) return undefined;
  const order = (await loadOrder(tx, row.order_id, tx.forUpdate))!;
  const part = order.parts.find((p) => p.reference === reference)!;
  const due = dueState(order, part, now);
  return { order, part, due };
}

export type TransferOutcome = 'paid' | 'review' | 'duplicate' | 'unknown-reference' | 'outgoing' | 'already-settled';

/**
 * One bank notification, applied once: the transaction id is stored first, so a replay finds it
 * and changes nothing. The exact amount to the part's own account pays it; anything else puts it
 * up for review and never counts as paid. Money that pays nothing (review, a part not waiting for
 * it, no part named) is announced to the office and the producer in the same transaction.
 */
export async function applyBankNotification(
  db: SqlDatabase,
  provider: string,
  notification: BankNotification,
  notices: Notices,
  now = new Date().toISOString(),
): Promise<{ outcome: TransferOutcome; reference?: string }> {
  return db.transaction(async (tx) => {
    const fresh = await tx.run('INSERT INTO bank_transactions VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL) ON CONFLICT (provider, transaction_id) DO NOTHING', [
      provider, notification.id, notification.transferAmount, notification.accountNumber, 'received', JSON.stringify(notification), now,
    ]);
    if (!fresh) return { outcome: 'duplicate' as const };
    const settle = async (outcome: TransferOutcome, reference?: string) => {
      await tx.run('UPDATE bank_transactions SET outcome = ?, reference = ? WHERE provider = ? AND transaction_id = ?', [outcome, reference ?? null, provider, notification.id]);
      return { outcome, reference };
    };
    const unsettled = async (outcome: UnsettledOutcome, found?: { order: TransferOrder; part: TransferPart }) => {
      const payment: UnsettledPayment = {
        outcome, transactionId: notification.id, amount: notification.transferAmount, accountNumber: notification.accountNumber,
        content: notification.content, ...found, ...(!found && { producer: await accountHolder(tx, notification) }),
      };
      for (const mail of notices.paymentUnsettled(payment)) await enqueueMail(tx, mail, now);
      return settle(outcome, found?.part.reference);
    };
    if (notification.transferType === 'out') return settle('outgoing');
    for (const reference of referencesIn(`${notification.code ?? ''} ${notification.content}`)) {
      const found = await lockedPart(tx, reference, now);
      if (!found) continue;
      const { order, part, due } = found;
      const exact = notification.transferAmount === part.amount && sameAccount(notification, part.accountNumber);
      const event: PartEvent = exact ? 'transfer-matched' : 'transfer-mismatched';
      const to = nextPartState(due, event);
      part.state = due;
      if (!to) return unsettled('already-settled', { order, part });
      await movePart(tx, order, part, to, `bank:${provider}:${notification.id}`, notices, now);
      return to === 'paid' ? settle('paid', reference) : unsettled('review', { order, part });
    }
    return unsettled('unknown-reference');
  });
}

/** The producer whose account received a transfer naming no part, known from its earlier orders. */
async function accountHolder(tx: SqlRunner, notification: BankNotification): Promise<UnsettledPayment['producer']> {
  const row = await tx.get<{ producer_name: string; notice_email: string | null }>(
    'SELECT producer_name, notice_email FROM transfer_parts WHERE account_number IN (?, ?) ORDER BY updated_at DESC LIMIT 1',
    [notification.accountNumber, notification.subAccount ?? notification.accountNumber],
  );
  return row ? { name: row.producer_name, noticeEmail: row.notice_email ?? undefined } : undefined;
}

/** The notice names the receiving account (or a virtual sub-account of it); both count. */
const sameAccount = (notification: BankNotification, account: string) =>
  notification.accountNumber === account || notification.subAccount === account;

/** A person's action on a part (the orders command): confirm a payment, ship, deliver, cancel. */
export async function applyPartEvent(
  db: SqlDatabase,
  reference: string,
  event: PartEvent,
  cause: string,
  notices: Notices,
  now = new Date().toISOString(),
): Promise<{ ok: true; from: PartState; to: PartState } | { ok: false; reason: 'unknown-reference' | 'not-allowed'; state?: PartState }> {
  return db.transaction(async (tx) => {
    const found = await lockedPart(tx, reference, now);
    if (!found) return { ok: false as const, reason: 'unknown-reference' as const };
    const { order, part, due } = found;
    const to = nextPartState(due, event);
    if (!to) return { ok: false as const, reason: 'not-allowed' as const, state: due };
    const from = part.state;
    part.state = due;
    await movePart(tx, order, part, to, cause, notices, now);
    if (due === 'review') {
      // The person who settles a part in review has dealt with the transfers that put it there.
      await tx.run("UPDATE bank_transactions SET resolved_at = ?, resolution = ? WHERE reference = ? AND outcome = 'review' AND resolved_at IS NULL", [now, `${event}: ${cause}`, reference]);
    }
    return { ok: true as const, from, to };
  });
}

/** Writes down expiry of every unpaid part whose order is past its time; answers how many. */
export async function expireUnpaid(db: SqlDatabase, now = new Date().toISOString()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.all<{ reference: string }>(
      `SELECT p.reference FROM transfer_parts p JOIN transfer_orders o ON o.id = p.order_id
       WHERE p.state = 'awaiting_transfer' AND o.expires_at <= ?`,
      [now],
    );
    for (const { reference } of due) {
      await tx.run("UPDATE transfer_parts SET state = 'expired', updated_at = ? WHERE reference = ? AND state = 'awaiting_transfer'", [now, reference]);
      await tx.run("INSERT INTO part_events VALUES (?, 'awaiting_transfer', 'expired', 'expiry', ?)", [reference, now]);
    }
    return due.length;
  });
}

export interface PartSummary {
  reference: string;
  orderId: string;
  producerId: string;
  producerName: string;
  amount: number;
  state: PartState;
  createdAt: string;
}

export async function listParts(db: SqlDatabase, filter: { producerId?: string } = {}): Promise<PartSummary[]> {
  return db.all<PartSummary>(
    `SELECT p.reference, p.order_id AS "orderId", p.producer_id AS "producerId", p.producer_name AS "producerName", p.amount, p.state,
       o.created_at AS "createdAt"
     FROM transfer_parts p JOIN transfer_orders o ON o.id = p.order_id
     WHERE (CAST(? AS TEXT) IS NULL OR p.producer_id = ?) ORDER BY o.created_at, p.position`,
    [filter.producerId ?? null, filter.producerId ?? null],
  );
}

export interface UnsettledTransaction {
  provider: string;
  transactionId: string;
  outcome: UnsettledOutcome;
  reference: string | null;
  /** The part's state now, when the transfer names one. */
  partState: PartState | null;
  amount: number;
  accountNumber: string | null;
  content: string;
  receivedAt: string;
}

/** Transfers that paid nothing and that nobody has dealt with yet, oldest first. */
export async function unsettledTransactions(db: SqlRunner): Promise<UnsettledTransaction[]> {
  const rows = await db.all<Omit<UnsettledTransaction, 'content'> & { payload: string }>(
    `SELECT t.provider, t.transaction_id AS "transactionId", t.outcome, t.reference, p.state AS "partState", t.amount,
       t.account_number AS "accountNumber", t.payload, t.received_at AS "receivedAt"
     FROM bank_transactions t LEFT JOIN transfer_parts p ON p.reference = t.reference
     WHERE t.outcome IN (${UNSETTLED_OUTCOMES.map(() => '?').join(', ')}) AND t.resolved_at IS NULL
     ORDER BY t.received_at, t.transaction_id`,
    UNSETTLED_OUTCOMES,
  );
  return rows.map(({ payload, ...row }) => ({ ...row, amount: Number(row.amount), content: (JSON.parse(payload) as BankNotification).content }));
}

/** A person records what they did about a transfer (refunded, matched by hand); false when there is no such unsettled transfer. */
export async function resolveTransaction(db: SqlRunner, transactionId: string, resolution: string, now = new Date().toISOString()): Promise<boolean> {
  const changed = await db.run(
    `UPDATE bank_transactions SET resolved_at = ?, resolution = ? WHERE transaction_id = ? AND resolved_at IS NULL
       AND outcome IN (${UNSETTLED_OUTCOMES.map(() => '?').join(', ')})`,
    [now, resolution, transactionId, ...UNSETTLED_OUTCOMES],
  );
  return changed > 0;
}

export async function countRows(db: SqlRunner, table: 'transfer_orders' | 'transfer_parts' | 'bank_transactions' | 'outbox'): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}
