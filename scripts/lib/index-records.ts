// One language's Pagefind index from its search records:
//   node index-records.ts <records.json> <out dir> <pages.json>
// Prints the number of records indexed. Run by scripts/build-search-index.ts, one process per language.
// pages.json maps each of Pagefind's page ids to the record's URL, so the server can read a ranked
// result without opening its fragment (src/server/search.ts).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { searchRecordHtml, type SearchRecord } from '../../src/lib/search-record.ts';

const [recordsFile, outputPath, pagesFile] = process.argv.slice(2);
const records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
for (const record of records) {
  const added = await index.addHTMLFile({ url: record.url, content: searchRecordHtml(record) });
  if (added.errors.length) throw new Error(`${record.url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await pagefind.close();

// A fragment is gzip of "pagefind_dcd" and the page's JSON; its file name is the page's id.
const fragments = path.join(outputPath, 'fragment');
const pages: Record<string, string> = {};
for (const file of await readdir(fragments)) {
  const data = gunzipSync(await readFile(path.join(fragments, file)));
  pages[path.basename(file, '.pf_fragment')] = (JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
}
if (Object.keys(pages).length !== records.length) throw new Error(`${records.length} records but ${Object.keys(pages).length} Pagefind pages`);
await writeFile(pagesFile, JSON.stringify(pages));
console.log(records.length);
