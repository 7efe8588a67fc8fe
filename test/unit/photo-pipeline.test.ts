import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { acceptPhotoUpload } from '../../src/server/photos/photo-upload.ts';
import { servePhoto } from '../../src/server/photos/photo-files.ts';
import { processPhoto, type ProcessedPhoto } from '../../src/server/photos/process-photo.ts';
import { ROOT } from './helpers.ts';

/**
 * The photo pipeline on small images made here (and one HEIC made with libheif's heif-enc, see
 * test/fixtures/photos/README.md): recognised by content, turned upright, stripped of metadata,
 * made into its sizes, stored only when accepted, and served as files.
 */
// One libvips thread: the other unit files run beside this one on the same cores, which may be
// busy with builds too, so each test gets a minute rather than vitest's 5 s.
sharp.concurrency(1);
vi.setConfig({ testTimeout: 60_000 });

const HEIC = readFileSync(path.join(ROOT, 'test/fixtures/photos/phone-photo.heic'));
const folders: string[] = [];
const contentFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-photos-unit-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** 1000×800, a red block at the top left as stored: where it lands shows which way up the result is. */
function marked(): Sharp {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="800"><rect width="1000" height="800" fill="#e8e0c8"/><rect width="250" height="200" fill="#d01010"/></svg>`;
  return sharp(Buffer.from(svg));
}
const GPS = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 26/1 0/1' } };
/** A phone photo held upright: stored sideways with EXIF orientation 6 (turn 90° clockwise) and a GPS position. */
const phoneJpeg = () => marked().jpeg().withExif(GPS).withMetadata({ orientation: 6 }).toBuffer();

async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}
const isRed = ([r, g, b]: number[]) => r > 180 && g < 80 && b < 80;

async function accepted(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const result = await processPhoto(bytes);
  if (!result.ok) throw new Error(`refused: ${result.reason} ${result.detail}`);
  return result;
}

describe('processPhoto', () => {
  it('turns a phone JPEG upright, strips its EXIF (GPS) and makes each size in AVIF and JPEG', async () => {
    const input = await phoneJpeg();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const { photo, files } = await accepted(input);
    expect(photo).toMatchObject({ file: expect.stringMatching(/^[0-9a-f]{16}$/), width: 800, height: 1000 });
    expect(files.map((file) => file.name)).toEqual(['320', '640', '800'].flatMap((w) => [`${photo.file}-${w}.avif`, `${photo.file}-${w}.jpg`]));
    for (const { name, bytes } of files) {
      const meta = await sharp(bytes).metadata();
      expect(meta.format, name).toBe(name.endsWith('.avif') ? 'heif' : 'jpeg');
      expect(meta.exif, name).toBeUndefined();
      expect(meta.orientation ?? 1, name).toBe(1);
      expect(meta.width, name).toBe(Number(name.split('-')[1].split('.')[0]));
    }
    // Stored sideways with the block at its top left; shown upright it is at the top right.
    const largest = files.find((file) => file.name.endsWith('-800.jpg'))!.bytes;
    expect(isRed(await pixel(largest, 760, 40))).toBe(true);
    expect(isRed(await pixel(largest, 40, 40))).toBe(false);
  });

  it('decodes a phone HEIC (upright, its EXIF GPS gone)', async () => {
    const { photo, files } = await accepted(HEIC);
    expect(photo).toMatchObject({ width: 800, height: 600 });
    const jpeg = files.find((file) => file.name.endsWith('-800.jpg'))!.bytes;
    expect((await sharp(jpeg).metadata()).exif).toBeUndefined();
    expect(isRed(await pixel(jpeg, 40, 40))).toBe(true);
  });

  it('takes PNG (transparency onto white) and WebP', async () => {
    // Transparent black: it must come out white, not black.
    const png = await sharp({ create: { width: 1000, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const fromPng = await accepted(png);
    expect((await pixel(fromPng.files.find((file) => file.name.endsWith('.jpg'))!.bytes, 10, 10)).every((value) => value > 240)).toBe(true);
    expect((await accepted(await marked().webp().toBuffer())).photo.width).toBe(1000);
  });

  it('names the files by the upload content: the same photo gives the same name', async () => {
    const input = await phoneJpeg();
    expect((await accepted(input)).photo.file).toBe((await accepted(Buffer.from(input))).photo.file);
  });

  it('refuses what is not an image whatever it is called (415), too small and broken ones (422)', async () => {
    expect(await processPhoto(Buffer.from('<?php echo "not a photo"; ?>'))).toMatchObject({ ok: false, status: 415, reason: 'not-an-image' });
    expect(await processPhoto(new Uint8Array())).toMatchObject({ ok: false, status: 400, reason: 'no-photo' });
    const thumbnail = await marked().resize(320, 256).jpeg().toBuffer();
    expect(await processPhoto(thumbnail)).toMatchObject({ ok: false, status: 422, reason: 'photo-too-small' });
    const whole = await marked().jpeg().toBuffer();
    expect(await processPhoto(whole.subarray(0, whole.length >> 1))).toMatchObject({ ok: false, status: 422, reason: 'photo-unreadable' });
    expect(await processPhoto(HEIC.subarray(0, 200))).toMatchObject({ ok: false, status: 422, reason: 'photo-unreadable' });
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    // A PNG that claims 50,000 × 50,000 pixels in a few dozen bytes.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(50_000, 0);
    header.writeUInt32BE(50_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const bomb = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', Buffer.alloc(16)), chunk('IEND', Buffer.alloc(0))]);
    expect(await processPhoto(bomb)).toMatchObject({ ok: false, status: 422, reason: 'photo-too-many-pixels' });
  });
});

/** A request whose body arrives in chunks and declares no length (or a false one). */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): Request {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return new Request('http://x/api/quan-ly/photos/banh-mau', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('acceptPhotoUpload', () => {
  const slug = 'banh-mau';

  it('stores a photo sent as the body, and answers what the product file records', async () => {
    const contentDir = contentFolder();
    const result = await acceptPhotoUpload(streamed([await phoneJpeg()], { 'content-type': 'application/octet-stream' }), { slug, contentDir });
    expect(result).toMatchObject({ ok: true, photo: { width: 800, height: 1000 }, fields: {} });
    const stored = readdirSync(path.join(contentDir, 'photos', slug)).sort();
    expect(stored).toHaveLength(6);
    expect(stored.every((name) => name.startsWith((result as { photo: { file: string } }).photo.file))).toBe(true);
  });

  it('takes a form with the file field "photo" and hands back its other fields', async () => {
    const contentDir = contentFolder();
    const form = new FormData();
    form.set('photo', new Blob([HEIC]), 'IMG_0001.HEIC');
    form.set('alt', 'Bánh mẫu trên đĩa');
    const result = await acceptPhotoUpload(new Request('http://x/', { method: 'POST', body: form }), { slug, contentDir });
    expect(result).toMatchObject({ ok: true, photo: { width: 800, height: 600 }, fields: { alt: 'Bánh mẫu trên đĩa' } });
  });

  it('refuses an oversized body while reading it (413), whatever Content-Length says, writing nothing', async () => {
    const contentDir = contentFolder();
    const maxBytes = 100_000;
    const piece = new Uint8Array(40_000);
    const sent: Uint8Array[] = Array.from({ length: 10 }, () => piece);
    const result = await acceptPhotoUpload(streamed(sent, { 'content-length': '1000' }), { slug, contentDir, maxBytes });
    expect(result).toMatchObject({ ok: false, status: 413, reason: 'photo-too-large' });
    // It stopped reading soon after the limit rather than taking the whole body.
    expect(sent.length).toBeGreaterThan(5);
    const declared = await acceptPhotoUpload(streamed([piece], { 'content-length': String(maxBytes + 1) }), { slug, contentDir, maxBytes });
    expect(declared).toMatchObject({ ok: false, status: 413 });
    expect(existsSync(path.join(contentDir, 'photos'))).toBe(false);
  });

  it('refuses a non-image named .jpg (415) and a bad slug, writing nothing', async () => {
    const contentDir = contentFolder();
    const form = new FormData();
    form.set('photo', new Blob(['MZ\x90\x00 this is a program']), 'photo.jpg');
    expect(await acceptPhotoUpload(new Request('http://x/', { method: 'POST', body: form }), { slug, contentDir })).toMatchObject({ ok: false, status: 415, reason: 'not-an-image' });
    expect(await acceptPhotoUpload(streamed([HEIC]), { slug: '../../etc', contentDir })).toMatchObject({ ok: false, status: 400 });
    expect(existsSync(path.join(contentDir, 'photos'))).toBe(false);
  });
});

describe('servePhoto', () => {
  it('serves stored files with a year of caching, GET and HEAD only, nothing else under /anh/', async () => {
    const contentDir = contentFolder();
    const stored = await acceptPhotoUpload(streamed([await phoneJpeg()]), { slug: 'banh-mau', contentDir });
    if (!stored.ok) throw new Error(stored.reason);
    const server = http.createServer((req, res) => {
      void servePhoto(req, res, contentDir).then((served) => served || res.writeHead(418).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    /** Sends the path as written: fetch would tidy ../ away before it left. */
    const request = (method: string, pathname: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const name = `${stored.photo.file}-640.jpg`;
      const get = await request('GET', `/anh/banh-mau/${name}`);
      expect(get.status).toBe(200);
      expect(get.headers['content-type']).toBe('image/jpeg');
      expect(get.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(get.body.equals(readFileSync(path.join(contentDir, 'photos/banh-mau', name)))).toBe(true);
      expect((await request('GET', `/anh/banh-mau/${stored.photo.file}-640.avif`)).headers['content-type']).toBe('image/avif');
      const head = await request('HEAD', `/anh/banh-mau/${name}`);
      expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(get.body.length)]);
      expect((await request('GET', `/anh/banh-mau/${name}`, { 'if-none-match': get.headers.etag! })).status).toBe(304);
      expect((await request('POST', `/anh/banh-mau/${name}`)).status).toBe(405);
      for (const bad of ['/anh/banh-mau/', '/anh/', '/anh/banh-mau/../../package.json', '/anh/../package.json', '/anh/banh-mau/%2e%2e%2f%2e%2e%2fpackage.json', `/anh/banh-mau/${stored.photo.file}-641.jpg`]) {
        expect((await request('GET', bad)).status, bad).toBe(404);
      }
      expect((await request('GET', '/san-pham/banh-mau/')).status).toBe(418);
    } finally {
      server.close();
    }
  });
});
