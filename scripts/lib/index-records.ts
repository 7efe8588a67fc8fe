// One language's Pagefind index from its search records: node index-records.ts <records.json> <out dir>.
// Prints the number of records indexed. Run by scripts/build-search-index.ts, one process per language.
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { searchRecordHtml, type SearchRecord } from '../../src/lib/search-record.ts';

const [recordsFile, outputPath] = process.argv.slice(2);
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
console.log(records.length);
