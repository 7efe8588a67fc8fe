// Imports every official seed table listed in scripts/seeds/seeds.json into content/.
// Re-running it changes nothing; hand edits to fields the tables also give are kept and reported.
import { parseArgs } from 'node:util';
import { importTables, runImportCommand } from './lib/import-tables.ts';
import { loadCorrections, loadSeedTables } from './lib/seeds.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    overwrite: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

runImportCommand(() =>
  importTables({
    contentDir: values.content!,
    tables: loadSeedTables(),
    corrections: loadCorrections(),
    overwrite: values.overwrite,
    dryRun: values['dry-run'],
  }),
);
