// National scale: builds synthetic catalogues of 1,000, 5,000 and 20,000 products (written by
// scripts/generate-national.ts into .scale/, never content/) and measures the cold build, a rebuild
// after editing one product, peak memory of the whole process tree and output. Search at these sizes
// is measured by search-phone.bench.ts. Sizes can be chosen: SCALE_SIZES=1000,5000 npm run bench -- scale
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { samplePeakRss } from './process-tree.ts';
import type { Bench, BenchResult } from './run.ts';

const SIZES = (process.env.SCALE_SIZES ?? '1000,5000,20000').split(',').map(Number);
const GOALS = { buildSeconds: 360, rssGB: 3, rebuildSeconds: 120, outputGB: 1.5 };

interface Build {
  seconds: number;
  peakRss: number;
  pagefindSeconds: number;
  output: string;
}

function run(command: string, args: string[], env: Record<string, string>, root: string): Promise<Build> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = samplePeakRss(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const peakRss = sampler.stop();
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      const pagefind = /Pagefind: indexed \d+ records in ([\d.]+) s/.exec(output);
      resolve({ seconds: (performance.now() - started) / 1000, peakRss, pagefindSeconds: Number(pagefind?.[1] ?? NaN), output });
    });
  });
}

function folderSize(folder: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Pages the build prerendered, and pages the server renders on demand (as its sitemaps list them). */
function routes(client: string): { prerendered: number; onDemand: number } {
  const entries = readdirSync(client, { withFileTypes: true, recursive: true });
  const prerendered = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
  const onDemand = entries
    .filter((entry) => /^sitemap-catalogue-\d+\.xml$/.test(entry.name))
    .reduce((sum, entry) => sum + (readFileSync(path.join(entry.parentPath, entry.name), 'utf8').match(/<url>/g)?.length ?? 0), 0);
  return { prerendered, onDemand };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const seconds = (s: number) => (s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`);

const bench: Bench = {
  name: 'scale',
  standalone: true,
  async run({ root }) {
    const rows: BenchResult['rows'] = [];
    const perThousand: number[] = [];
    const loads: string[] = [];
    for (const size of SIZES) {
      const folder = path.join(root, '.scale', String(size));
      const content = path.join(folder, 'content');
      const env = { OCOP_CONTENT_DIR: content, OCOP_OUT_DIR: path.join(folder, 'dist'), OCOP_CACHE_DIR: path.join(folder, 'cache') };
      rmSync(folder, { recursive: true, force: true });
      await run(process.execPath, ['scripts/generate-national.ts', '--out', content, '--products', String(size)], {}, root);
      console.log(`  ${size}: cold build…`);
      const cold = await run('npm', ['run', 'build'], env, root);
      const client = path.join(folder, 'dist/client');
      const output = folderSize(client);
      const server = folderSize(path.join(folder, 'dist/server'));
      const { prerendered, onDemand } = routes(client);

      // One product edited as the office would: its name changes. The content layer's cache is kept.
      const edited = path.join(content, 'products', readdirSync(path.join(content, 'products')).sort()[0]);
      writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^name: (.*)$/m, 'name: $1 (đã sửa)'));
      console.log(`  ${size}: rebuild after one edit…`);
      const warm = await run('npm', ['run', 'build'], env, root);

      perThousand.push(cold.seconds / (size / 1000));
      loads.push(`${size.toLocaleString('en')}: ${os.loadavg()[0].toFixed(1)}`);

      const label = `${size.toLocaleString('en')} products`;
      const big = size >= 20_000;
      rows.push(
        { measure: `${label}: cold build (site + search index)`, value: seconds(cold.seconds), ...(big && { goal: '≤ 6 min', met: cold.seconds <= GOALS.buildSeconds }) },
        { measure: `${label}: peak RSS, whole process tree`, value: gb(cold.peakRss), ...(big && { goal: '≤ 3 GB', met: cold.peakRss <= GOALS.rssGB * 2 ** 30 }) },
        { measure: `${label}: of which Pagefind`, value: seconds(cold.pagefindSeconds) },
        { measure: `${label}: rebuild after editing one product`, value: `${seconds(warm.seconds)}, peak RSS ${gb(warm.peakRss)}`, ...(big && { goal: '≤ 2 min', met: warm.seconds <= GOALS.rebuildSeconds }) },
        { measure: `${label}: routes`, value: `${prerendered} prerendered pages, ${onDemand.toLocaleString('en')} pages on demand (sitemaps)` },
        { measure: `${label}: output`, value: `client ${mb(output.bytes)} in ${output.files.toLocaleString('en')} files; server ${mb(server.bytes)}`, ...(big && { goal: '≤ 1.5 GB', met: output.bytes + server.bytes <= GOALS.outputGB * 2 ** 30 }) },
      );
    }
    const growth = perThousand.length > 1 ? perThousand.at(-1)! / perThousand[0] : undefined;
    if (growth !== undefined) {
      rows.push({
        measure: `build seconds per 1,000 products, ${SIZES[0].toLocaleString('en')} → ${SIZES.at(-1)!.toLocaleString('en')}`,
        value: `${perThousand[0].toFixed(1)} s → ${perThousand.at(-1)!.toFixed(1)} s`,
        goal: 'no worse than linear',
        met: growth <= 1.1,
      });
    }
    return {
      title: 'National scale: synthetic catalogues, build, rebuild, output and search',
      rows,
      notes: [
        'Catalogues from scripts/generate-national.ts (seed 1): about half as many producers as products, a point of sale per 20 products, 10 fairs, the 34 provinces of 2025 with some 700 invented districts. Synthetic, never mixed with content/.',
        'Cold build: `npm run build` (Astro, then the Pagefind index from catalogue data) with empty output and cache folders. Rebuild: the same after changing one product’s name, with the content layer’s cache kept.',
        'Peak RSS sums every process of the build (npm, Astro, its workers, Pagefind), sampled every 250 ms.',
        'Product, producer and listing pages and preview cards are rendered on demand by the server and cached; the sitemaps list them. Output is dist/client plus dist/server.',
        'Search at these sizes, on a phone: the section "Search on a phone at national size" (npm run bench -- search-phone).',
        `Machine load after each size (1-minute average; the build's own processes count too, above 2 means they waited for a core): ${loads.join(', ')}.`,
      ],
    };
  },
};

export default bench;
