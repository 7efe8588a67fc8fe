import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startBuiltServer, type RunningServer } from '../support/server.ts';
import { startVisitors, waitFor } from '../support/visitor-load.ts';

/**
 * Publishing swaps the server's workers onto a new release while visitors keep coming: none of
 * them sees a failed request, and once the old release is let go nobody sees it again. A stop
 * (SIGTERM) lets every request in flight finish.
 */
const PRODUCT = '/san-pham/tuong-xay/';
const LISTING = '/tinh/an-giang/';
const NEW_NAME = 'Tương xay Hàng Me (bản sửa thử nghiệm)';

const work = mkdtempSync(path.join(tmpdir(), 'ocop-publish-'));
const contentDir = path.join(work, 'content');
const env = {
  OCOP_CONTENT_DIR: contentDir,
  OCOP_RELEASES_DIR: path.join(work, 'releases'),
  OCOP_PUBLISH_WORK_DIR: path.join(work, 'publish'),
  ORDERS_DB_PATH: path.join(work, 'orders.sqlite'),
};

const publish = (...args: string[]) =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/publish.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });

const buildOf = async (server: RunningServer) => (await fetch(`${server.url}/healthz`)).headers.get('x-build');

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(work, { recursive: true, force: true });
});

describe('publishing under load', () => {
  it('swaps releases with no failed request and no stale page after the switch', async () => {
    cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
    const server = await startBuiltServer(env);
    servers.push(server);
    const before = await buildOf(server);
    expect(before).toBeTruthy();

    const file = path.join(contentDir, 'products/tuong-xay.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${NEW_NAME}`));
    const visitors = startVisitors(server.url, [PRODUCT, LISTING, '/', '/healthz'], 50, true);
    const { stdout } = await publish();
    expect(stdout).toMatch(/Published release/);
    await waitFor(() => server.output().includes('released '), 60_000, 'the old release to be let go');
    const switchedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const records = await visitors.stop();

    const after = await buildOf(server);
    expect(after).not.toBe(before);
    expect(records.filter((record) => record.error || record.status !== 200).map((r) => `${r.path}: ${r.error ?? r.status}`)).toEqual([]);
    const late = records.filter((record) => record.startedAt > switchedAt);
    expect(late.length).toBeGreaterThan(50);
    expect(late.filter((record) => record.build !== after).length).toBe(0);
    expect(late.filter((record) => record.path === PRODUCT && !record.body?.includes(NEW_NAME)).length).toBe(0);
    // Both releases answered during the test: the swap happened under load, not before it.
    expect(new Set(records.map((record) => record.build))).toEqual(new Set([before, after]));

    const again = await publish();
    expect(again.stdout).toMatch(/Nothing changed/);
    expect(await buildOf(server)).toBe(after);
  });
});

describe('stopping under load', () => {
  it('finishes every request in flight, closes the order store, then exits', async () => {
    const server = await startBuiltServer({ ...env, ORDERS_DB_PATH: path.join(work, 'stop-orders.sqlite') });
    servers.push(server);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200); // opens the order store
    const visitors = startVisitors(server.url, [PRODUCT, LISTING, '/tinh/an-giang/2/', '/en/products/tuong-xay/'], 50);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalledAt = performance.now();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    const code = await exited;
    const records = await visitors.stop();

    const inFlight = records.filter((record) => record.startedAt < signalledAt && record.endedAt > signalledAt);
    expect(inFlight.length).toBeGreaterThanOrEqual(20);
    expect(inFlight.filter((record) => record.error || record.status !== 200).map((r) => r.error ?? r.status)).toEqual([]);
    expect(code).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing requests in flight/);
    // SQLite folds its write-ahead log back and removes it when the last connection closes.
    expect(existsSync(path.join(work, 'stop-orders.sqlite-wal'))).toBe(false);
  });
});
