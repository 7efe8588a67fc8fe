// Writes the SAMPLE price list (scripts/seeds/sample-prices.json) into product files, marked
// `sample: true`. Prices the office entered by hand (sample: false) are never touched.
import path from 'node:path';
import { readContentFile, serialise, writeIfChanged } from './lib/content-files.ts';
import { SEEDS_DIR } from './lib/seeds.ts';
import { readFileSync } from 'node:fs';

const { prices } = JSON.parse(readFileSync(path.join(SEEDS_DIR, 'sample-prices.json'), 'utf8')) as {
  prices: Record<string, { amount: number; unit: string }>;
};
for (const [slug, price] of Object.entries(prices)) {
  const file = path.resolve('content/products', `${slug}.md`);
  const { data, body } = readContentFile(file);
  const current = data.price as { sample?: boolean } | undefined;
  if (current && current.sample === false) {
    console.log(`kept the office's price in ${file}`);
    continue;
  }
  data.price = { ...price, sample: true };
  if (writeIfChanged(file, serialise(file, data, body))) console.log(`sample price written to ${file}`);
}
