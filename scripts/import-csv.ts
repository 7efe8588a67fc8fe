// Imports tables of certified products (XLSX, CSV or TSV, recognised by content) into content/.
// Usage: npm run import -- <table.xlsx|csv|tsv> [more tables…] --document <id> --province "<name>"
//        [--section "<label>"] [--sheet "<name>"] [--legacy-groups] [--certified-by province]
//        [--overwrite] [--dry-run]
import { parseArgs } from 'node:util';
import type { CertificateLevel } from '../src/lib/certificate.ts';
import { importTables, runImportCommand } from './lib/import-tables.ts';
import { loadCorrections } from './lib/seeds.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    document: { type: 'string' },
    province: { type: 'string' },
    section: { type: 'string' },
    sheet: { type: 'string' },
    'legacy-groups': { type: 'boolean', default: false },
    'certified-by': { type: 'string' },
    content: { type: 'string', default: 'content' },
    overwrite: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

const { document, province } = values;
if (positionals.length === 0 || !document || !province) {
  console.error('usage: npm run import -- <table.xlsx|csv|tsv> … --document <id> --province "<name>" [--section …] [--sheet …] [--overwrite] [--dry-run]');
  process.exit(2);
}

runImportCommand(() =>
  importTables({
    contentDir: values.content!,
    tables: positionals.map((file) => ({
      file,
      document,
      province,
      section: values.section,
      sheet: values.sheet,
      legacyGroups: values['legacy-groups'],
      certifiedBy: values['certified-by'] as CertificateLevel | undefined,
    })),
    corrections: loadCorrections(),
    overwrite: values.overwrite,
    dryRun: values['dry-run'],
  }),
);
