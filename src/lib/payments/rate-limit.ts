/**
 * A fixed-window counter per client, in memory: enough to stop one client from filling the order
 * store from one server. Several servers each count on their own (documented in the README).
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly rate: RateLimit;

  constructor(rate: RateLimit) {
    this.rate = rate;
  }

  take(client: string, now = Date.now()): RateDecision {
    if (this.windows.size > 10_000) this.forgetBefore(now - this.rate.windowMs);
    const window = this.windows.get(client);
    if (!window || now - window.start >= this.rate.windowMs) {
      this.windows.set(client, { start: now, count: 1 });
      return { allowed: true };
    }
    if (window.count >= this.rate.limit) return { allowed: false, retryAfterSeconds: Math.ceil((window.start + this.rate.windowMs - now) / 1000) };
    window.count++;
    return { allowed: true };
  }

  private forgetBefore(time: number) {
    for (const [client, window] of this.windows) if (window.start < time) this.windows.delete(client);
  }
}
