// Imports one appendix table (CSV or TSV) of certified products into content/.
// Usage: npm run import -- <table.csv> --document <id> --province "<name>" [--section "<label>"]
//        [--legacy-groups] [--certified-by province] [--overwrite] [--dry-run]
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { importTables, printReport } from './lib/import-tables.ts';
import { loadCorrections } from './lib/seeds.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    document: { type: 'string' },
    province: { type: 'string' },
    section: { type: 'string' },
    'legacy-groups': { type: 'boolean', default: false },
    'certified-by': { type: 'string' },
    content: { type: 'string', default: 'content' },
    overwrite: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

const documentId = values.document;
if (positionals.length !== 1 || !documentId || !values.province) {
  console.error('usage: npm run import -- <table.csv> --document <id> --province "<name>" [--section …] [--overwrite] [--dry-run]');
  process.exit(2);
}
if (!existsSync(path.join(values.content!, 'sources', `${documentId}.yaml`))) {
  console.error(`unknown --document "${documentId}" (add content/sources/${documentId}.yaml)`);
  process.exit(2);
}
const certifiedBy = values['certified-by'];
if (certifiedBy && !['district', 'province', 'national'].includes(certifiedBy)) {
  console.error('--certified-by must be district, province or national');
  process.exit(2);
}

const report = importTables({
  contentDir: values.content!,
  tables: [{
    file: positionals[0],
    document: documentId,
    province: values.province,
    section: values.section,
    legacyGroups: values['legacy-groups'],
    certifiedBy: certifiedBy as 'district' | 'province' | 'national' | undefined,
  }],
  corrections: loadCorrections(),
  overwrite: values.overwrite,
  dryRun: values['dry-run'],
});
printReport(report);
if (values['dry-run']) console.log('(dry run: nothing was written)');
