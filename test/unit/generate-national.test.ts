import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventSchema, pointOfSaleSchema, producerSchema, productSchema, regionSchema } from '../../src/lib/content-schemas.ts';
import { PRODUCT_GROUPS } from '../../src/lib/groups.ts';

/** The synthetic national catalogue behind `npm run bench -- scale`: deterministic, valid, national, apart. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'ocop-national-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generate = (out: string, products = 400, seed = 1) =>
  execFileSync(process.execPath, ['scripts/generate-national.ts', '--out', out, '--products', String(products), '--seed', String(seed)], { cwd: ROOT, encoding: 'utf8' });

function digest(folder: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort()) {
    hash.update(path.relative(folder, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const read = (folder: string, kind: string) =>
  readdirSync(path.join(folder, kind)).map((name) => {
    const text = readFileSync(path.join(folder, kind, name), 'utf8');
    return parse(name.endsWith('.md') ? text.split('---')[1] : text);
  });

describe('synthetic national catalogue', () => {
  const first = path.join(work, 'a');
  generate(first);

  it('writes the same files for the same seed and size, and others for another seed', () => {
    const again = path.join(work, 'b');
    generate(again);
    expect(digest(again)).toBe(digest(first));
    const other = path.join(work, 'c');
    generate(other, 400, 2);
    expect(digest(other)).not.toBe(digest(first));
    // Two more runs of the generator as child processes: seconds on a busy machine, not a time limit.
  }, 60_000);

  it('passes the content schemas, file by file, and marks every file as sample data', () => {
    const schemas = { products: productSchema(), producers: producerSchema, 'points-of-sale': pointOfSaleSchema(), events: eventSchema(), regions: regionSchema };
    for (const [kind, schema] of Object.entries(schemas)) {
      for (const data of read(first, kind)) {
        const result = schema.safeParse(data);
        expect(result.success, `${kind}: ${JSON.stringify(result.error?.issues[0])}`).toBe(true);
        if (kind !== 'regions') expect(data.source.document).toBe('sample');
      }
    }
  });

  it('covers the 34 provinces of 2025, every star level and group, with half as many producers', () => {
    const products = read(first, 'products');
    expect(products).toHaveLength(400);
    expect(read(first, 'producers')).toHaveLength(200);
    expect(read(first, 'regions')).toHaveLength(34);
    expect(read(first, 'points-of-sale')).toHaveLength(20);
    expect(new Set(products.map((p) => p.stars))).toEqual(new Set([3, 4, 5]));
    const groups = new Set(products.map((p) => p.group));
    for (const group of PRODUCT_GROUPS) expect(groups.has(group), group).toBe(true);
    const provinces = new Set(read(first, 'producers').map((p) => p.address.currentProvince));
    expect(provinces.size).toBeGreaterThan(25);
  });

  it('refuses to write into content/', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate-national.ts', '--out', 'content/x'], { cwd: ROOT, stdio: 'pipe' })).toThrow(/refusing to write into content/);
  });
});
