// 200 checkout requests at once against a built server configured for payments, with the local
// Stripe test server standing in for Stripe: throughput, latency, no 5xx, one session per success.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBuiltServer } from '../../test/support/server.ts';
import { startStripeTestServer } from '../../test/support/stripe-test-server.ts';
import type { Bench } from './run.ts';
import { percentile } from './stats.ts';

const CONCURRENT = 200;


const bench: Bench = {
  name: 'checkout',
  async run() {
    const folder = mkdtempSync(path.join(tmpdir(), 'ocop-bench-orders-'));
    const stripe = await startStripeTestServer();
    const site = await startBuiltServer(stripe.env({ ORDERS_DB_PATH: path.join(folder, 'orders.sqlite') }));
    try {
      const checkout = async (index: number) => {
        const body = JSON.stringify({
          items: [
            { productId: 'tuong-xay', quantity: 1 + (index % 5) },
            { productId: 'mat-thot-not-dang-set', quantity: 1 },
          ],
        });
        const started = performance.now();
        const response = await fetch(`${site.url}/api/checkout`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: site.url },
          body,
        });
        const json = (await response.json()) as { url?: string };
        return { status: response.status, url: json.url, ms: performance.now() - started };
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => checkout(i))); // warm up the catalogue and connections
      stripe.reset();
      stripe.sessions.clear();

      const started = performance.now();
      const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => checkout(i)));
      const seconds = (performance.now() - started) / 1000;

      const accepted = results.filter((r) => r.status === 200 && r.url);
      const serverErrors = results.filter((r) => r.status >= 500).length;
      const creations = stripe.sessionCreations();
      const keys = new Set(creations.map((r) => r.idempotencyKey));
      const urls = new Set(accepted.map((r) => r.url));
      const oneSessionEach = accepted.length === stripe.sessions.size && urls.size === accepted.length && keys.size === creations.length;
      const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
      const ms = (value: number) => `${value.toFixed(0)} ms`;
      return {
        title: `Checkout under load (${CONCURRENT} concurrent requests, local Stripe test server)`,
        rows: [
          { measure: 'throughput', value: `${(CONCURRENT / seconds).toFixed(0)} requests/s (${seconds.toFixed(2)} s in all)` },
          { measure: 'latency p50', value: ms(percentile(latencies, 50)) },
          { measure: 'latency p95', value: ms(percentile(latencies, 95)), goal: '< 2000 ms', met: percentile(latencies, 95) < 2000 },
          { measure: 'latency max', value: ms(latencies.at(-1)!) },
          { measure: '5xx answers', value: String(serverErrors), goal: '0', met: serverErrors === 0 },
          { measure: 'accepted', value: `${accepted.length} of ${CONCURRENT}`, goal: `${CONCURRENT}`, met: accepted.length === CONCURRENT },
          {
            measure: 'sessions created per accepted request',
            value: `${stripe.sessions.size} sessions, ${creations.length} create calls, ${keys.size} idempotency keys`,
            goal: 'exactly one each',
            met: oneSessionEach,
          },
        ],
        notes: ['Stripe is the local test server (test/support/stripe-test-server.ts), so the figures measure our route, not Stripe.'],
      };
    } finally {
      await site.stop();
      await stripe.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

export default bench;
