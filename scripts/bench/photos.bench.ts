// Photo pipeline: bytes and encode time per stored size and format, the whole upload of a 12 MP
// phone photo, and HEIC decoding (a 12 MP HEIC made with libheif's heif-enc when it is installed,
// Debian's libheif-examples). The test photo is drawn here: noise at several scales over smooth
// gradients, about as hard to compress as a phone photo (a 12 MP JPEG at quality 90 is ~5 MB). No
// real photo is downloaded or kept.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { PHOTO_WIDTHS } from '../../src/lib/photos.ts';
import { decodeHeic } from '../../src/server/photos/heic-decoder.ts';
import { processPhoto } from '../../src/server/photos/process-photo.ts';
import type { Bench, BenchResult } from './run.ts';

const WIDTH = 4032;
const HEIGHT = 3024;

async function noiseLayer(scale: number, amplitude: number): Promise<Buffer> {
  const width = Math.ceil(WIDTH / scale);
  const height = Math.ceil(HEIGHT / scale);
  const pixels = Buffer.alloc(width * height * 3);
  let seed = scale * 7919;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = 128 + (((seed >> 16) & 255) - 128) * amplitude;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).resize(WIDTH, HEIGHT, { kernel: 'cubic' }).raw().toBuffer();
}

/** A 12 MP photo-like JPEG at quality 90. */
async function testPhoto(): Promise<Buffer> {
  const layers = await Promise.all(([[400, 1], [60, 0.6], [12, 0.3], [3, 0.08], [1, 0.04]] as const).map(([scale, amplitude]) => noiseLayer(scale, amplitude)));
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, 128 + layers.reduce((sum, layer) => sum + layer[i] - 128, 0)));
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

const CANDIDATES: Array<[string, (image: Sharp) => Sharp]> = [
  ['AVIF q50 effort 2 (kept)', (image) => image.avif({ quality: 50, effort: 2 })],
  ['JPEG q80 mozjpeg (kept)', (image) => image.jpeg({ quality: 80, mozjpeg: true })],
  ['WebP q80', (image) => image.webp({ quality: 80 })],
  ['AVIF q50 effort 4', (image) => image.avif({ quality: 50, effort: 4 })],
];

const bench: Bench = {
  name: 'photos',
  standalone: true,
  async run(): Promise<BenchResult> {
    const rows: BenchResult['rows'] = [];
    const photo = await testPhoto();
    rows.push({ measure: 'test photo', value: `${WIDTH}×${HEIGHT} JPEG, ${kB(photo.length)}` });
    const [upload, uploadMs] = await timed(() => processPhoto(photo));
    if (!upload.ok) throw new Error(upload.detail);
    rows.push({ measure: 'whole upload (decode, orient, 4 sizes × AVIF + JPEG, in memory)', value: `${uploadMs} ms, ${kB(upload.files.reduce((sum, file) => sum + file.bytes.length, 0))} stored` });

    const largest = await sharp(photo).resize({ width: PHOTO_WIDTHS.at(-1) }).raw().toBuffer({ resolveWithObject: true });
    for (const width of PHOTO_WIDTHS) {
      const resized = sharp(largest.data, { raw: largest.info }).resize({ width });
      for (const [name, encode] of CANDIDATES) {
        const [bytes, ms] = await timed(() => encode(resized.clone()).toBuffer());
        rows.push({ measure: `${width} px, ${name}`, value: `${kB(bytes.length)}, ${ms} ms` });
      }
    }

    if (existsSync('/usr/bin/heif-enc')) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ocop-photo-bench-'));
      try {
        writeFileSync(path.join(dir, 'photo.jpg'), photo);
        execFileSync('/usr/bin/heif-enc', ['-q', '50', '-o', path.join(dir, 'photo.heic'), path.join(dir, 'photo.jpg')], { stdio: 'ignore' });
        const heic = readFileSync(path.join(dir, 'photo.heic'));
        const [, decodeMs] = await timed(() => decodeHeic(heic, { maxPixels: Infinity, minLong: 0, minShort: 0 }));
        const [, heicUploadMs] = await timed(() => processPhoto(heic));
        rows.push({ measure: 'HEIC decode, 12 MP (worker thread, WebAssembly)', value: `${decodeMs} ms (${kB(heic.length)} file)` });
        rows.push({ measure: 'whole upload of that HEIC', value: `${heicUploadMs} ms` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return {
      title: 'Photos: sizes and formats made at upload (12 MP drawn test photo)',
      rows,
      notes: [
        `Load average while measuring: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')} (other work shares the 2 cores: times are indicative).`,
        'Kept: AVIF (effort 2) for browsers that read it, JPEG for the rest and for crawlers; WebP came within about 10% of mozjpeg (larger at the small widths, smaller at 1600 px) and adds no reach JPEG lacks; AVIF effort 4 saves 5-20% more for several times the time.',
      ],
    };
  },
};

export default bench;
