import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, fixtureWorkFolder } from '../support/fixture-site.ts';
import { startBuiltServer } from '../support/server.ts';
import { fetchPage } from '../support/served-site.ts';

/**
 * Bad content must fail `astro build` with a message naming the file and the field. Each case
 * builds a one-product fixture site with a single mistake, in its own output and cache folders.
 */
const work = fixtureWorkFolder('ocop-content-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const buildWith = (name: string, mutate: (dir: string) => void) => buildFixtureSite(path.join(work, name), mutate);

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
  it('builds the valid fixture (control) and shows its uploaded photos everywhere the product appears', async () => {
    const { status, output } = await buildWith('valid', () => {});
    expect(status, output).toBe(0);
    const content = path.join(work, 'valid/content');
    const server = await startBuiltServer({ OCOP_CONTENT_DIR: content }, path.join(work, 'valid/dist'));
    try {
      const html = await fetchPage(server.url, '/san-pham/banh-mau/');
      const [first, second] = ['4c64cf13383e0fb4', '8b66ded7b1800e7e'];
      // The first photo large, at once, AVIF with a JPEG fallback at every stored width, its own size set.
      expect(html).toContain(`<source type="image/avif" srcset="/anh/banh-mau/${first}-320.avif 320w, /anh/banh-mau/${first}-640.avif 640w, /anh/banh-mau/${first}-800.avif 800w"`);
      expect(html).toMatch(new RegExp(`<img src="/anh/banh-mau/${first}-800\\.jpg" srcset="[^"]+${first}-640\\.jpg 640w[^"]*"[^>]* width="800" height="600" alt="Bánh mẫu: hình vẽ thử nghiệm[^"]*" loading="eager"[^>]*fetchpriority="high"`));
      // The second a lazy thumbnail opening the photo; no illustration and no illustration caption.
      expect(html).toMatch(new RegExp(`<ul class="gallery"><li><a href="/anh/banh-mau/${second}-600\\.jpg"><picture>.*?alt="Chai mẫu[^"]*" loading="lazy"`, 's'));
      expect(html).not.toContain('Hình minh hoạ nhóm');
      expect(html).not.toContain('/_image');
      // Structured data points at the photo; cards in listings use it too.
      expect(html).toContain(`"image":"http://localhost:4321/anh/banh-mau/${first}-800.jpg"`);
      expect(await fetchPage(server.url, '/hang-sao/3/')).toMatch(new RegExp(`<article class="card"[^>]*>\\s*<picture><source type="image/avif" srcset="/anh/banh-mau/${first}-320\\.avif`));

      // The files are served from the content folder, as they are, for a year.
      const photo = await fetch(`${server.url}/anh/banh-mau/${first}-640.avif`);
      expect([photo.status, photo.headers.get('content-type'), photo.headers.get('cache-control')]).toEqual([200, 'image/avif', 'public, max-age=31536000, immutable']);
      expect(Buffer.from(await photo.arrayBuffer()).equals(readFileSync(path.join(content, `photos/banh-mau/${first}-640.avif`)))).toBe(true);
      expect((await fetch(`${server.url}/anh/banh-mau/`)).status).toBe(404);

      // The preview card draws the photo (its red block) where illustrations go.
      const card = await fetch(`${server.url}/og/banh-mau.png`);
      expect(card.status).toBe(200);
      const { data, info } = await sharp(Buffer.from(await card.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
      const at = (120 * info.width + 816) * info.channels;
      const [r, g, b] = data.subarray(at, at + 3);
      expect(r > 180 && g < 80 && b < 80, `card pixel ${r},${g},${b}`).toBe(true);
    } finally {
      await server.stop();
    }
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
    [
      'photo file missing',
      (dir) => rmSync(path.join(dir, 'photos/banh-mau/8b66ded7b1800e7e-320.avif')),
      PRODUCT,
      /photos\.1\.file: photo "8b66ded7b1800e7e" is not stored: .*photos\/banh-mau\/8b66ded7b1800e7e-320\.avif is missing/,
    ],
  ];

  // Side by side (vitest's maxConcurrency): each build is a process of its own, in its own folders.
  it.concurrent.for(cases)('%s', async ([name, mutate, file, fieldMessage], { expect }) => {
    const { status, output } = await buildWith(name.replace(/\W+/g, '-'), mutate);
    expect(status, output).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(fieldMessage);
  });
});
