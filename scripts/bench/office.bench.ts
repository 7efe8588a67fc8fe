// The office workspace at national size: a synthetic catalogue of 20,000 products (written by
// scripts/generate-national.ts into .scale/, never content/) in a git repository of its own,
// published once, then served with the workspace. Measures how fast a province's list opens
// (Hà Nội holds the most products), what a save costs, and the seconds from saving an edit to the
// public page showing it, with 50 visitors on the site for the whole switch (failed and stale
// answers counted). OFFICE_BENCH_SIZE=5000 npm run bench -- office picks another size.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { readPointer } from '../../src/server/releases/release-files.ts';
import { readPublishStatus } from '../../src/server/releases/publisher.ts';
import { contentRepository } from '../../test/support/office-site.ts';
import { startBuiltServer } from '../../test/support/server.ts';
import { startVisitors, waitFor } from '../../test/support/visitor-load.ts';
import { percentile } from './stats.ts';
import type { Bench, BenchResult } from './run.ts';

const SIZE = Number(process.env.OFFICE_BENCH_SIZE ?? 20_000);
const GOALS = { listMs: 2000, liveSeconds: 120 };

const node = (root: string, script: string, args: string[], env: Record<string, string>) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} failed:\n${output.slice(-3000)}`))));
  });

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const bench: Bench = {
  name: 'office',
  standalone: true,
  async run({ root }): Promise<BenchResult> {
    const folder = path.join(root, '.scale', `office-${SIZE}`);
    rmSync(folder, { recursive: true, force: true });
    const generated = path.join(folder, 'generated');
    console.log(`  generating ${SIZE} products…`);
    await node(root, 'scripts/generate-national.ts', ['--out', generated, '--products', String(SIZE)], {});
    const { env } = contentRepository(folder, generated);
    console.log('  first publish (cold build)…');
    const first = await timed(() => node(root, 'scripts/publish.ts', [], env));
    const release = await readPointer(env.OCOP_RELEASES_DIR);
    const server = await startBuiltServer(env, release!.dir);
    env.SITE_URL = server.url;
    try {
      const signIn = async (scope: string[]) => {
        const printed = await node(root, 'scripts/office.ts', ['invite', `bench-${scope.join('')}@example.invalid`, ...scope], env);
        const token = new URL(/https?:\/\/\S+token=\S+/.exec(printed)![0]).searchParams.get('token')!;
        const response = await fetch(`${server.url}/quan-ly/api/sign-in`, {
          method: 'POST',
          headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }),
          redirect: 'manual',
        });
        return response.headers.getSetCookie()[0].split(';')[0];
      };
      const hanoi = await signIn(['--province', 'ha-noi']);
      const national = await signIn(['--all']);
      const get = (pathname: string, cookie: string) => timed(async () => (await fetch(`${server.url}${pathname}`, { headers: { Cookie: cookie } })).text());

      console.log('  lists…');
      const firstList = await get('/quan-ly/san-pham/', hanoi);
      const total = Number(/<strong>([\d.]+)<\/strong> sản phẩm/.exec(firstList.value)?.[1].replace(/\./g, '') ?? 0);
      const lists = ['/quan-ly/san-pham/?page=2', '/quan-ly/san-pham/?stars=5', '/quan-ly/san-pham/?q=mat+ong', '/quan-ly/san-pham/?expiring=90', '/quan-ly/san-pham/?missing=price', '/quan-ly/san-pham/?page=40'];
      const hanoiMs: number[] = [];
      for (let round = 0; round < 3; round++) for (const list of lists) hanoiMs.push((await get(list, hanoi)).ms);
      const nationalMs: number[] = [];
      for (const list of lists) nationalMs.push((await get(list, national)).ms);

      // An edit to a Hà Nội product, saved through the API as the form does, then live.
      const { rows } = (await (await fetch(`${server.url}/quan-ly/api/entries/products?limit=1`, { headers: { Cookie: hanoi } })).json()) as { rows: { id: string }[] };
      const slug = rows[0].id;
      const entry = (await (await fetch(`${server.url}/quan-ly/api/entries/products/${slug}`, { headers: { Cookie: hanoi } })).json()) as { data: Record<string, unknown>; hash: string; body: string };
      const marker = `(sửa lúc ${Date.now()})`;
      const productPath = `/san-pham/${String(entry.data.slug)}/`;
      const visitors = startVisitors(server.url, [productPath, '/tinh/ha-noi/', '/', '/tim-kiem/'], 50, true);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      console.log('  edit, publish under 50 visitors…');
      const save = await timed(() =>
        fetch(`${server.url}/quan-ly/api/entries/products/${slug}`, {
          method: 'PUT',
          headers: { Cookie: hanoi, Origin: server.url, 'Content-Type': 'application/json' },
          body: JSON.stringify({ base: entry.hash, data: { ...entry.data, name: `${String(entry.data.name)} ${marker}` }, body: entry.body }),
        }),
      );
      const savedAt = performance.now();
      await waitFor(async () => (await (await fetch(`${server.url}${productPath}`)).text()).includes(marker), 600_000, 'the edit to go live');
      const liveSeconds = (performance.now() - savedAt) / 1000;
      await waitFor(() => server.output().includes('released '), 120_000, 'the old release to be let go');
      const switchedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const records = await visitors.stop();
      const status = await readPublishStatus(env.OCOP_RELEASES_DIR);
      const failed = records.filter((record) => record.error || (record.status ?? 0) >= 500).length;
      const stale = records.filter((record) => record.startedAt > switchedAt && record.path === productPath && !record.body?.includes(marker)).length;
      const load = os.loadavg()[0].toFixed(1);

      const ms = (value: number) => `${Math.round(value)} ms`;
      const label = `${SIZE.toLocaleString('en')} products`;
      return {
        title: `Office workspace at ${label}: lists, saving, edit to live`,
        rows: [
          { measure: `Hà Nội list, first after the server started (${total.toLocaleString('en')} products)`, value: ms(firstList.ms), goal: '≤ 2 s', met: firstList.ms <= GOALS.listMs },
          { measure: 'Hà Nội list, filters and pages (18 requests)', value: `median ${ms(percentile(hanoiMs, 50))}, max ${ms(Math.max(...hanoiMs))}`, goal: '≤ 2 s', met: Math.max(...hanoiMs) <= GOALS.listMs },
          { measure: 'national team list, all provinces (6 requests)', value: `median ${ms(percentile(nationalMs, 50))}, max ${ms(Math.max(...nationalMs))}`, goal: '≤ 2 s', met: Math.max(...nationalMs) <= GOALS.listMs },
          { measure: 'save: checks, one commit, publish asked for', value: `${ms(save.ms)} (HTTP ${save.value.status})` },
          { measure: 'edit to live: saved → the public page shows it', value: `${liveSeconds.toFixed(1)} s`, goal: '≤ 2 min', met: liveSeconds <= GOALS.liveSeconds },
          { measure: 'of which the publish build', value: `${status.last?.seconds ?? '?'} s` },
          { measure: 'first publish (cold build of the whole catalogue)', value: `${(first.ms / 1000).toFixed(1)} s` },
          { measure: 'visitors during the switch (50 at once)', value: `${records.length.toLocaleString('en')} requests, ${failed} failed, ${stale} stale after the switch`, goal: '0 failed, 0 stale', met: failed === 0 && stale === 0 },
        ],
        notes: [
          'The catalogue is synthetic (scripts/generate-national.ts, seed 1), in a git repository of its own; the server is `npm run serve` on the published release, one worker.',
          'List times are whole HTTP requests for the server-rendered list page (search, filters and paging over the entry index held in memory). The first one after the server started includes reading every entry file (the index loads when the sign-in page is first opened, as here, or on the first list).',
          'Edit to live: the API save (as the form does it), then polling the public product page every 100 ms until it shows the new name. The publish freezes the content, runs `npm run build` at low priority (nice 10) into a new release, and the supervisor swaps its workers once the new one has loaded the catalogue.',
          'Stale: a request for the product page that started after the old release was let go and still showed the old name.',
          `Machine load (1-minute average) at the end: ${load}.`,
        ],
      };
    } finally {
      await server.stop();
    }
  },
};

export default bench;
