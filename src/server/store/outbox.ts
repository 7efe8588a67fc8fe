import { randomUUID } from 'node:crypto';
import type { OutgoingMail } from '../../lib/payments/transfer-order.ts';
import type { SqlRunner } from './sql.ts';

/**
 * E-mail waits in the outbox table, written in the same transaction as the order change it tells
 * about, so a notice is never lost to a mail server being down. Senders claim a message for a
 * while before sending (two servers never send the same one at once), then mark it sent or push
 * its next attempt back: 1, 2, 4… minutes, at most an hour, until it goes.
 */

export interface QueuedMail extends OutgoingMail {
  id: string;
  attempts: number;
}

const CLAIM_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const iso = (time: number) => new Date(time).toISOString();

export async function enqueueMail(tx: SqlRunner, mail: OutgoingMail, now: string): Promise<void> {
  await tx.run('INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, NULL)', [
    randomUUID(), mail.to, mail.subject, mail.text, mail.kind, mail.orderId ?? null, now, now,
  ]);
}

/** Due messages this sender now holds, oldest first. */
export async function claimDueMail(db: SqlRunner, now = Date.now(), limit = 20): Promise<QueuedMail[]> {
  const due = await db.all<{ id: string }>(
    'SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY created_at LIMIT ?',
    [iso(now), iso(now), limit],
  );
  const claimed: QueuedMail[] = [];
  for (const { id } of due) {
    const won = await db.run('UPDATE outbox SET claimed_until = ? WHERE id = ? AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)', [
      iso(now + CLAIM_MS), id, iso(now),
    ]);
    if (!won) continue;
    const row = await db.get<{ id: string; recipient: string; subject: string; body: string; kind: string; order_id: string | null; attempts: number }>(
      'SELECT id, recipient, subject, body, kind, order_id, attempts FROM outbox WHERE id = ?',
      [id],
    );
    if (row) claimed.push({ id: row.id, to: row.recipient, subject: row.subject, text: row.body, kind: row.kind, orderId: row.order_id ?? undefined, attempts: row.attempts });
  }
  return claimed;
}

export async function markMailSent(db: SqlRunner, id: string, now = Date.now()) {
  await db.run('UPDATE outbox SET sent_at = ?, claimed_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = ?', [iso(now), id]);
}

export const retryDelayMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));

export async function markMailFailed(db: SqlRunner, mail: QueuedMail, error: string, now = Date.now()) {
  await db.run('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?', [
    iso(now + retryDelayMs(mail.attempts + 1)), error.slice(0, 500), mail.id,
  ]);
}

export async function outboxCounts(db: SqlRunner): Promise<{ pending: number; sent: number }> {
  const row = await db.get<{ pending: number; sent: number }>(
    'SELECT COUNT(*) - COUNT(sent_at) AS pending, COUNT(sent_at) AS sent FROM outbox',
  );
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0) };
}
