import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR } from '../../support/built-site.ts';
import { TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from '../../support/stripe-test-server.ts';
import { startCommerceServers, type CommerceServers } from './commerce-servers.ts';

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
  );

describe('secrets and order data stay on the server', () => {
  let servers: CommerceServers;
  beforeAll(async () => {
    servers = await startCommerceServers();
  });
  afterAll(() => servers?.stop());

  it('no file of the built client output holds a Stripe secret key or the configured keys', () => {
    const secrets = [TEST_SECRET_KEY, TEST_WEBHOOK_SECRET, process.env.STRIPE_SECRET_KEY, process.env.STRIPE_WEBHOOK_SECRET].filter(Boolean) as string[];
    const files = filesUnder(CLIENT_DIR);
    expect(files.length).toBeGreaterThan(100);
    const leaks = files.filter((file) => {
      const text = readFileSync(file).toString('latin1');
      // A key starts "sk_" after a non-identifier character; "task_" or "desk_" are not keys.
      return /(^|[^A-Za-z0-9])sk_/.test(text) || /whsec_/.test(text) || secrets.some((secret) => text.includes(secret));
    });
    expect(leaks).toEqual([]);
    expect(files.filter((file) => /\.sqlite/.test(file))).toEqual([]);
  });

  it('no page or answer of a configured server mentions the keys', async () => {
    for (const pathname of ['/', '/gio-hang/', '/en/cart/', '/san-pham/tuong-xay/', '/api/checkout', '/thanh-toan/thanh-cong/?session_id=cs_test_nope']) {
      const text = await (await fetch(`${servers.site.url}${pathname}`)).text();
      expect(text).not.toContain(TEST_SECRET_KEY);
      expect(text).not.toContain(TEST_WEBHOOK_SECRET);
    }
  });

  it('serves no order data at any public URL', async () => {
    for (const pathname of ['/data/orders.sqlite', '/orders.sqlite', `/${path.basename(servers.ordersDbPath)}`, '/api/orders', '/api/stripe/webhook']) {
      const response = await fetch(`${servers.site.url}${pathname}`);
      expect(response.status, pathname).toBeGreaterThanOrEqual(400);
      expect(response.status, pathname).toBeLessThan(500);
    }
  });
});
