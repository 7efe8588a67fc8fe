// Builds the Pagefind index from the search records the site build wrote (dist/client/search-records/),
// then removes them. Product pages are rendered on demand, so there are no HTML files to crawl.
// Each language is indexed by its own Pagefind process, side by side (one per core): at 20,000
// products the two indexes took 81 s one after the other. Beside the server bundle it writes, per
// language, which record each Pagefind page is (server/search-pages.<language>.json), for the
// server's search on the same index (src/server/search.ts).
//   node scripts/build-search-index.ts [dist/client]
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mergePagefindEntries, type PagefindEntry } from '../src/lib/pagefind-entry.ts';

const root = path.resolve(import.meta.dirname, '..');
const site = path.resolve(root, process.argv[2] ?? path.join(process.env.OCOP_OUT_DIR ?? 'dist', 'client'));
const recordsDir = path.join(site, 'search-records');
const output = path.join(site, 'pagefind');
const server = path.join(site, '..', 'server');
const started = performance.now();

const files = (await readdir(recordsDir)).filter((name) => name.endsWith('.json')).sort();
const work = await mkdtemp(path.join(tmpdir(), 'ocop-pagefind-'));
try {
  const results = await Promise.all(
    files.map(async (file) => {
      const language = path.basename(file, '.json');
      const out = path.join(work, language);
      const pages = path.join(server, `search-pages.${language}.json`);
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'lib/index-records.ts'), path.join(recordsDir, file), out, pages], {
        maxBuffer: 2 ** 24,
      });
      return { out, count: Number(stdout.trim()) };
    }),
  );
  // Each run wrote the shared scripts and its own language's files; the entry file lists them all.
  await rm(output, { recursive: true, force: true });
  const entries: PagefindEntry[] = [];
  for (const { out } of results) {
    entries.push(JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8')) as PagefindEntry);
    await cp(out, output, { recursive: true, force: true });
  }
  await writeFile(path.join(output, 'pagefind-entry.json'), JSON.stringify(mergePagefindEntries(entries)));
  await rm(recordsDir, { recursive: true });
  const count = results.reduce((sum, result) => sum + result.count, 0);
  console.log(`Pagefind: indexed ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s into ${path.relative(root, output)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
