// Builds the Pagefind index from the search records the site build wrote (dist/client/search-records/),
// then removes them. Product pages are rendered on demand, so there are no HTML files to crawl.
//   node scripts/build-search-index.ts [dist/client]
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

const root = path.resolve(import.meta.dirname, '..');
const site = path.resolve(root, process.argv[2] ?? path.join(process.env.OCOP_OUT_DIR ?? 'dist', 'client'));
const recordsDir = path.join(site, 'search-records');
const started = performance.now();

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
let count = 0;
for (const file of (await readdir(recordsDir)).filter((name) => name.endsWith('.json')).sort()) {
  const records = JSON.parse(await readFile(path.join(recordsDir, file), 'utf8')) as Array<{ url: string; html: string }>;
  for (const record of records) {
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    if (added.errors.length) throw new Error(`${record.url}: ${added.errors.join('; ')}`);
    count++;
  }
}
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await pagefind.close();
await rm(recordsDir, { recursive: true });
console.log(`Pagefind: indexed ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s into ${path.relative(root, path.join(site, 'pagefind'))}`);
