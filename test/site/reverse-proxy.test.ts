import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../support/postgres.ts';
import { createTestProxy, nginxUnavailable, proxyRequest, type TestProxy } from '../support/nginx.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';
import { PRODUCTS } from './commerce/commerce-servers.ts';
import { BUYER, SAMPLE_ACCOUNTS, sepayNotification, WEBHOOK_SECRET } from './payments/transfer-servers.ts';

/**
 * Debian's nginx with the shipped deploy/nginx/ocop-catalogue.conf in front of the server (TLS,
 * the client's address, compression, caching by the server's Cache-Control), then in front of two
 * servers sharing PostgreSQL (one checkout limit, one payment per bank notification).
 */
const skipProxy = nginxUnavailable();
const skipTwo = skipProxy ?? postgresUnavailable();
if (skipProxy) console.warn(`reverse-proxy tests skipped: ${skipProxy}`);
else if (skipTwo) console.warn(`two-server test skipped: ${skipTwo}`);

const cart = { items: [{ productId: PRODUCTS.tuongXay.id, quantity: 1 }], locale: 'vi', buyer: BUYER };

function order(proxy: TestProxy, localAddress: string, headers: Record<string, string> = {}) {
  return proxyRequest(proxy, '/api/orders', {
    method: 'POST', localAddress, body: JSON.stringify(cart), headers: { 'Content-Type': 'application/json', Origin: proxy.url, ...headers },
  });
}

/** The server's own answer, straight from it (not through the proxy), from a given client address. */
async function direct(server: RunningServer, pathname: string, init: RequestInit & { localAddress?: string } = {}) {
  const { default: http } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const request = http.request(`${server.url}${pathname}`, { method: init.method ?? 'GET', headers: init.headers as Record<string, string>, localAddress: init.localAddress }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(init.body as string | undefined);
  });
}

const serverEnv = (proxy: TestProxy) => ({ SITE_URL: proxy.url, TRUSTED_PROXY: '127.0.0.1', TRANSFER_CHECKOUT_LIMIT: '2', BANK_WEBHOOK_SECRET: WEBHOOK_SECRET });
const hostOf = (server: RunningServer) => new URL(server.url).host;

describe.skipIf(skipProxy)('behind nginx', () => {
  let proxy: TestProxy;
  let server: RunningServer;
  beforeAll(async () => {
    proxy = await createTestProxy();
    server = await startBuiltServer({ ...serverEnv(proxy), ORDERS_DB_PATH: ':memory:' });
    await proxy.start([hostOf(server)]);
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('terminates TLS, sends plain HTTP to HTTPS, and keeps the server headers', async () => {
    const home = await proxyRequest(proxy, '/');
    expect(home.status).toBe(200);
    expect(home.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(home.headers['x-frame-options']).toBe('DENY');
    const plain = await fetch(`${proxy.httpUrl}/san-pham/tuong-xay/`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toMatch(/^https:\/\/[^/]+\/san-pham\/tuong-xay\/$/);
  });

  it("counts each client by the address the proxy saw, never by a client's own X-Forwarded-For", async () => {
    expect((await order(proxy, '127.0.0.2')).status).toBe(201);
    expect((await order(proxy, '127.0.0.2', { 'X-Forwarded-For': '10.9.9.9' })).status).toBe(201);
    expect((await order(proxy, '127.0.0.2', { 'X-Forwarded-For': '10.9.9.8' })).status).toBe(429);
    // Another client is counted on its own, even when it claims to be the first.
    expect((await order(proxy, '127.0.0.3', { 'X-Forwarded-For': '127.0.0.2', 'X-Real-IP': '127.0.0.2' })).status).toBe(201);
    // Straight to the server, from an address that is not the trusted proxy, forwarding headers count for nothing.
    const straight = (forwarded: string) =>
      direct(server, '/api/orders', { method: 'POST', localAddress: '127.0.0.4', body: JSON.stringify(cart), headers: { 'Content-Type': 'application/json', Origin: proxy.url, 'X-Forwarded-For': forwarded } });
    expect((await straight('10.0.0.1')).status).toBe(201);
    expect((await straight('10.0.0.2')).status).toBe(201);
    expect((await straight('10.0.0.3')).status).toBe(429);
  });

  it('lets uploads reach the server where it takes them (photos, tables, suggestions) and refuses big bodies elsewhere', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const post = (pathname: string) => proxyRequest(proxy, pathname, { method: 'POST', body, headers: { Origin: proxy.url, 'Content-Type': 'application/octet-stream' } });
    // The server answers these itself (no session here, or not a form), not nginx's 413.
    for (const pathname of ['/quan-ly/api/photos/tuong-xay', '/quan-ly/api/import', '/api/suggestions/tuong-xay']) {
      const answer = await post(pathname);
      expect(answer.status, pathname).not.toBe(413);
      expect(answer.headers['content-type'], pathname).toMatch(/json/);
    }
    expect((await post('/api/orders')).status).toBe(413);
  });

  it('compresses only what the server leaves uncompressed, and never twice', async () => {
    const csv = await proxyRequest(proxy, '/du-lieu/ocop-an-giang.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
    const plainCsv = await direct(server, '/du-lieu/ocop-an-giang.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plainCsv.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(csv.body).toString()).toBe(plainCsv.body);
    const page = await proxyRequest(proxy, '/san-pham/tuong-xay/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toContain('<html');
  });

  it("caches on-demand pages for exactly as long as the server's Cache-Control says, and nothing private", async () => {
    const first = await proxyRequest(proxy, '/san-pham/mat-thot-not-dang-set/');
    const second = await proxyRequest(proxy, '/san-pham/mat-thot-not-dang-set/');
    expect([first.headers['x-proxy-cache'], second.headers['x-proxy-cache']]).toEqual(['MISS', 'HIT']);
    const upstream = await direct(server, '/san-pham/mat-thot-not-dang-set/');
    expect(second.headers['cache-control']).toBe(upstream.headers['cache-control']);
    expect(second.body.toString()).toBe(first.body.toString());
    // Answers the server marks no-store or max-age=0 are fetched from it every time.
    for (const pathname of ['/don-hang/AAAAAAAAAAAAAAAAAAAAAA/', '/api/checkout', '/gio-hang/']) {
      await proxyRequest(proxy, pathname);
      expect((await proxyRequest(proxy, pathname)).headers['x-proxy-cache'], pathname).not.toBe('HIT');
    }
    const posted = await order(proxy, '127.0.0.9');
    expect(posted.headers['x-proxy-cache']).not.toBe('HIT');
  });
});

describe.skipIf(skipTwo)('two servers on PostgreSQL behind nginx', () => {
  let proxy: TestProxy;
  let postgres: TestPostgres;
  let servers: RunningServer[];
  beforeAll(async () => {
    proxy = await createTestProxy();
    postgres = await startPostgres();
    const env = { ...serverEnv(proxy), DATABASE_URL: postgres.url, TRANSFER_CHECKOUT_LIMIT: '3' };
    // One first, so the migrations are applied once; then the second.
    servers = [await startBuiltServer(env)];
    servers.push(await startBuiltServer(env));
    await proxy.start(servers.map(hostOf));
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const server of servers ?? []) await server.stop();
    postgres?.stop();
  });

  const requestLines = (server: RunningServer, path: string) => server.output().split('\n').filter((line) => line.includes(`"path":"${path}"`)).length;

  it('holds the checkout limit across both servers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await order(proxy, '127.0.0.5')).status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    // The proxy shared them out: both servers took some.
    for (const server of servers) expect(requestLines(server, '/api/orders')).toBeGreaterThan(0);
  });

  it('records one payment for one bank notification, whichever server takes each delivery', async () => {
    const placed = await order(proxy, '127.0.0.6');
    const { url } = JSON.parse(placed.body.toString()) as { url: string };
    const html = (await proxyRequest(proxy, url)).body.toString();
    const reference = /data-part-reference="([^"]+)"/.exec(html)![1];
    const notification = sepayNotification(SAMPLE_ACCOUNTS[PRODUCTS.tuongXay.producer].accountNumber, PRODUCTS.tuongXay.price, reference);
    const deliveries = Array.from({ length: 20 }, (_, i) =>
      direct(servers[i % 2], '/api/payments/sepay', { method: 'POST', body: JSON.stringify(notification), headers: { 'Content-Type': 'application/json', Authorization: `Apikey ${WEBHOOK_SECRET}` } }),
    );
    const outcomes = (await Promise.all(deliveries)).map((response) => (JSON.parse(response.body) as { outcome: string }).outcome);
    expect(outcomes.filter((outcome) => outcome === 'paid')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(19);
    const after = (await proxyRequest(proxy, url)).body.toString();
    expect(/data-part-state="([^"]+)"/.exec(after)![1]).toBe('paid');
  });
});
