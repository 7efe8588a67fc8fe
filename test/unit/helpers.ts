import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Province } from '../../src/lib/regions.ts';

/** Shared fixtures for the unit tests: the repository's own region files and seed tables. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const REGIONS_DIR = path.join(ROOT, 'content/regions');
export const SEEDS = path.join(ROOT, 'scripts/seeds');

export function loadProvinces(): Province[] {
  return readdirSync(REGIONS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      id: path.basename(name, '.yaml'),
      ...(parse(readFileSync(path.join(REGIONS_DIR, name), 'utf8')) as Omit<Province, 'id'>),
    }));
}

export function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS, name), 'utf8');
}
