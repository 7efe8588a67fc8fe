import { rateDecision, type RateDecision, type RateLimit } from '../../lib/payments/rate-limit.ts';
import type { SqlRunner } from './sql.ts';

/**
 * Requests per key (a client's checkouts, an office's sign-in attempts) in the current window,
 * counted in the order store in one statement (an upsert both SQLite and PostgreSQL apply
 * atomically), so every server counts the same client together.
 */
export async function takeCheckout(db: SqlRunner, client: string, rate: RateLimit, now = Date.now()): Promise<RateDecision> {
  const expired = now - rate.windowMs;
  const row = await db.get<{ count: number; window_start: number }>(
    `INSERT INTO checkout_limits (client, window_start, count) VALUES (?, ?, 1)
     ON CONFLICT (client) DO UPDATE SET
       count = CASE WHEN checkout_limits.window_start <= ? THEN 1 ELSE checkout_limits.count + 1 END,
       window_start = CASE WHEN checkout_limits.window_start <= ? THEN excluded.window_start ELSE checkout_limits.window_start END
     RETURNING count, window_start`,
    [client, now, expired, expired],
  );
  return rateDecision(Number(row!.count), Number(row!.window_start), now, rate);
}

/** The longest window any limit uses; windows older than it have ended whatever their length. */
export const LONGEST_WINDOW_MS = 60 * 60_000;

/** Forgets windows that have ended. */
export async function forgetEndedWindows(db: SqlRunner, rate: RateLimit, now = Date.now()): Promise<number> {
  return db.run('DELETE FROM checkout_limits WHERE window_start <= ?', [now - Math.max(rate.windowMs, LONGEST_WINDOW_MS)]);
}
