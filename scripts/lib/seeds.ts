import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Correction } from '../../src/lib/importer/records.ts';
import type { TableSpec } from './import-tables.ts';

/** The official seed tables (scripts/seeds/), which double as the importer's test fixtures. */
export const SEEDS_DIR = path.resolve(import.meta.dirname, '../seeds');

export function loadSeedTables(): TableSpec[] {
  const config = JSON.parse(readFileSync(path.join(SEEDS_DIR, 'seeds.json'), 'utf8')) as { tables: TableSpec[] };
  return config.tables.map((table) => ({ ...table, file: path.join(SEEDS_DIR, table.file) }));
}

export function loadCorrections(): Correction[] {
  const file = path.join(SEEDS_DIR, 'corrections.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { corrections: Correction[] }).corrections : [];
}
