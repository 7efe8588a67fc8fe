import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startBuiltServer } from '../support/server.ts';
import { fetchPage } from '../support/served-site.ts';

/**
 * Bad content must fail `astro build` with a message naming the file and the field. Each case
 * builds a one-product fixture site with a single mistake, in its own output and cache folders.
 */
const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-content');
// Inside the project, so the built server chunks resolve packages from node_modules.
const cache = path.join(ROOT, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'ocop-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(name: string, mutate: (dir: string) => void) {
  const dir = path.join(work, name);
  cpSync(FIXTURE, path.join(dir, 'content'), { recursive: true });
  mutate(path.join(dir, 'content'));
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      OCOP_CONTENT_DIR: path.join(dir, 'content'),
      OCOP_OUT_DIR: path.join(dir, 'dist'),
      OCOP_CACHE_DIR: path.join(dir, 'cache'),
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const edit = (file: string, from: string | RegExp, to: string) => (dir: string) => {
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(target, changed);
};

const PRODUCT = 'products/banh-mau.md';
const PRODUCER = 'producers/co-so-mau.yaml';

describe('content validation fails the build, naming file and field', () => {
  it('builds the valid fixture (control), with its photos as a gallery', async () => {
    const { status, output } = buildWith('valid', () => {});
    expect(status, output).toBe(0);
    const server = await startBuiltServer({}, path.join(work, 'valid/dist'));
    const html = await fetchPage(server.url, '/san-pham/banh-mau/').finally(() => server.stop());
    // The first photo is the large picture in AVIF and WebP; the second a lazy thumbnail.
    expect(html).toMatch(/<source[^>]+type="image\/avif"/);
    expect(html).toMatch(/<source[^>]+type="image\/webp"/);
    expect(html).toMatch(/<ul class="gallery">.*loading="lazy"/s);
    expect(html).toContain('alt="Bánh mẫu (2)"');
  });

  const cases: Array<[string, (dir: string) => void, string, RegExp]> = [
    ['stars 6', edit(PRODUCT, /^stars: 3$/m, 'stars: 6'), PRODUCT, /stars.*3, 4 or 5/],
    ['unknown producer', edit(PRODUCT, /^producer: co-so-mau$/m, 'producer: khong-ton-tai'), PRODUCT, /"producer".*khong-ton-tai/],
    ['unknown source document', edit(PRODUCT, /document: sample/, 'document: ag-96-2025'), PRODUCT, /"source\.document".*no source document "ag-96-2025".*content\/sources\/ag-96-2025\.yaml/],
    ['latitude outside Vietnam', edit(PRODUCER, /lat: 10\.56/, 'lat: 48.85'), PRODUCER, /geo\.lat.*inside Vietnam/],
    ['expiresOn before issuedOn', edit(PRODUCT, /issuedOn: 2024-05-01/, 'issuedOn: 2024-05-01\n  expiresOn: 2023-01-01'), PRODUCT, /certificate\.expiresOn.*before issuedOn/],
    ['unknown group', edit(PRODUCT, /^group: food$/m, 'group: toys'), PRODUCT, /group.*must be one of/],
    ['price not a positive integer', edit(PRODUCT, /amount: 50000/, 'amount: 12.5'), PRODUCT, /price\.amount.*whole number/],
    ['negative price', edit(PRODUCT, /amount: 50000/, 'amount: -5'), PRODUCT, /price\.amount.*positive/],
    [
      'unknown bank BIN and malformed account',
      edit(PRODUCER, /^source:/m, 'bankAccount:\n  bin: "123456"\n  accountNumber: "12 34"\n  accountName: CO SO MAU\nsource:'),
      PRODUCER,
      /bankAccount\.bin.*NAPAS BIN[\s\S]*bankAccount\.accountNumber.*6 to 19/,
    ],
    [
      'duplicate slug',
      (dir) => writeFileSync(path.join(dir, 'products/banh-mau-2.md'), readFileSync(path.join(dir, PRODUCT), 'utf8')),
      'products/banh-mau-2.md',
      /"slug".*"banh-mau" is already used by .*products\/banh-mau\.md/,
    ],
  ];

  it.each(cases)('%s', (name, mutate, file, fieldMessage) => {
    const { status, output } = buildWith(name.replace(/\W+/g, '-'), mutate);
    expect(status, output).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(fieldMessage);
  });
});
