import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBuiltServer, type RunningServer } from '../../support/server.ts';
import { startStripeTestServer, type StripeTestServer } from '../../support/stripe-test-server.ts';

/** A built site configured for payments, talking to its own Stripe test server and orders file. */
export interface CommerceServers {
  stripe: StripeTestServer;
  site: RunningServer;
  ordersDbPath: string;
  stop(): Promise<void>;
}

export async function startCommerceServers(): Promise<CommerceServers> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ocop-orders-'));
  const ordersDbPath = path.join(folder, 'orders.sqlite');
  const stripe = await startStripeTestServer();
  const site = await startBuiltServer(stripe.env({ ORDERS_DB_PATH: ordersDbPath }));
  return {
    stripe,
    site,
    ordersDbPath,
    async stop() {
      await site.stop();
      await stripe.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Two purchasable products from two producers, and one priced but with an expired certificate. */
export const PRODUCTS = {
  tuongXay: { id: 'tuong-xay', name: 'Tương xay', price: 35000, producer: 'cong-ty-tnhh-sx-tm-thanh-ho' },
  matThotNot: { id: 'mat-thot-not-dang-set', name: 'Mật thốt nốt dạng sệt', price: 85000, producer: 'cong-ty-co-phan-palmania' },
  expired: { id: 'nuoc-mam-40-do-dam' },
} as const;
