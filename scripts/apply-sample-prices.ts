// Writes the SAMPLE price list (scripts/seeds/sample-prices.json) into product files and the SAMPLE
// bank accounts (sample-bank-accounts.json) into their producers' files, all marked `sample: true`.
// Prices and accounts the office entered by hand (sample: false) are never touched.
import path from 'node:path';
import { readContentFile, serialise, writeIfChanged } from './lib/content-files.ts';
import { SEEDS_DIR } from './lib/seeds.ts';
import { readFileSync } from 'node:fs';

const readSeed = <T>(name: string) => JSON.parse(readFileSync(path.join(SEEDS_DIR, name), 'utf8')) as T;

function writeSample(file: string, field: string, value: object) {
  const { data, body } = readContentFile(file);
  const current = data[field] as { sample?: boolean } | undefined;
  if (current && current.sample === false) {
    console.log(`kept the office's ${field} in ${file}`);
    return;
  }
  data[field] = { ...value, sample: true };
  if (writeIfChanged(file, serialise(file, data, body))) console.log(`sample ${field} written to ${file}`);
}

const { prices } = readSeed<{ prices: Record<string, { amount: number; unit: string }> }>('sample-prices.json');
for (const [slug, price] of Object.entries(prices)) writeSample(path.resolve('content/products', `${slug}.md`), 'price', price);

const { accounts } = readSeed<{ accounts: Record<string, { bin: string; accountNumber: string; accountName: string }> }>('sample-bank-accounts.json');
for (const [producer, account] of Object.entries(accounts)) writeSample(path.resolve('content/producers', `${producer}.yaml`), 'bankAccount', account);
