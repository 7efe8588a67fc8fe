// Certificates expiring within six months, per province today, for the provincial OCOP offices.
// Usage: npm run expiring -- [--months 6] [--today YYYY-MM-DD] [--province "An Giang"] [--csv out.csv]
// Reads content/ directly (no build needed). Where the issue day is unpublished the latest possible
// expiry is used and marked "at the latest".
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { certificateValidity } from '../src/lib/certificate.ts';
import { producerSchema, productSchema } from '../src/lib/content-schemas.ts';
import { toCsvFile } from '../src/lib/csv/write.ts';
import { todayInVietnam } from '../src/lib/dates.ts';
import { EXPIRING_WINDOW_MONTHS, expiringWithin, groupSorted } from '../src/lib/expiring.ts';
import { readFolder } from './lib/content-files.ts';

const { values } = parseArgs({
  options: {
    months: { type: 'string', default: String(EXPIRING_WINDOW_MONTHS) },
    today: { type: 'string', default: process.env.OCOP_TODAY ?? todayInVietnam() },
    province: { type: 'string' },
    csv: { type: 'string' },
    content: { type: 'string', default: 'content' },
  },
});
const months = Number(values.months);
if (!Number.isInteger(months) || months < 1) {
  console.error(`--months must be a whole number of months, got "${values.months}"`);
  process.exit(1);
}

/** Parses every file of a folder with its schema; a bad file stops the run, naming file and field. */
function load<T>(folder: string, extension: string, parse: (data: unknown) => { success: boolean; data?: T; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return readFolder(path.join(values.content, folder), extension).map((file) => {
    const result = parse(file.data);
    if (!result.success) {
      const issue = result.error!.issues[0];
      console.error(`${file.file}: ${issue.path.join('.')}: ${issue.message}`);
      process.exit(1);
    }
    return { id: path.basename(file.file).replace(/\.(md|yaml)$/, ''), data: result.data! };
  });
}

const producers = new Map(load('producers', '.yaml', (d) => producerSchema.safeParse(d)).map((p) => [p.id, p.data]));
const products = load('products', '.md', (d) => productSchema().safeParse(d)).map(({ id, data }) => {
  const producer = producers.get(data.producer);
  return { id, name: data.name, producer: producer?.name ?? data.producer, province: producer?.address.currentProvince ?? '?', validity: certificateValidity(data.certificate, values.today) };
});
const chosen = products.filter((p) => !values.province || p.province === values.province);
const expiring = expiringWithin(chosen, values.today, months);

if (values.csv) {
  const rows = expiring.map((p) => [p.province, p.id, p.name, p.producer, p.validity.expiresOn, p.validity.exact]);
  writeFileSync(values.csv, toCsvFile(['province_today', 'id', 'name', 'producer', 'certificate_valid_until', 'certificate_valid_until_exact'], rows));
  console.log(`${expiring.length} certificates written to ${values.csv}`);
} else {
  console.log(`Certificates expiring between ${values.today} and ${months} months later: ${expiring.length}`);
  for (const [province, items] of groupSorted(expiring, (p) => p.province)) {
    console.log(`\n${province} (${items.length})`);
    for (const p of items) console.log(`  ${p.validity.expiresOn}${p.validity.exact ? '' : ' at the latest'}  ${p.name} – ${p.producer}`);
  }
}
