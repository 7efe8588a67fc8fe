/**
 * A fixed-window counter per client. The count lives in the order store (store/checkout-limits.ts),
 * shared by every server process, so the limit holds however many servers take checkouts; this
 * is the decision on a window's count.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The decision for the `count`-th request of a window that started at `windowStart`. */
export function rateDecision(count: number, windowStart: number, now: number, rate: RateLimit): RateDecision {
  if (count <= rate.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rate.windowMs - now) / 1000)) };
}
