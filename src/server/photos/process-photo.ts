import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import {
  MAX_PHOTO_PIXELS,
  MIN_PHOTO_LONG_SIDE,
  MIN_PHOTO_SHORT_SIDE,
  PHOTO_WIDTHS,
  detectUploadKind,
  photoFileName,
  photoSizeProblem,
  photoWidths,
  type PhotoFormat,
  type ProductPhoto,
} from '../../lib/photos.ts';
import { decodeHeic, HeicDecodeError } from './heic-decoder.ts';

/**
 * One uploaded photo made into the files the site serves, in memory: nothing is written here, so
 * a refusal at any step leaves nothing behind. Every size is made now, once; builds and requests
 * never resize a photo again.
 */
export interface PhotoRefusal {
  ok: false;
  status: 400 | 413 | 415 | 422;
  reason: string;
  /** A sentence for the person who sent it. */
  detail: string;
}

export interface ProcessedPhoto {
  ok: true;
  /** What the product file stores (with the alt text the office writes). */
  photo: Omit<ProductPhoto, 'alt'>;
  files: { name: string; bytes: Buffer }[];
}

export const refuse = (status: PhotoRefusal['status'], reason: string, detail: string): PhotoRefusal => ({ ok: false, status, reason, detail });

/**
 * Encoder settings chosen by measurement (BENCHMARKS.md, "Photos", npm run bench -- photos): AVIF
 * at effort 2 is 35-40% smaller than JPEG or WebP at the widths phones load, for a few seconds
 * more per photo at upload; effort 4 saves 5-20% more for several times the time. JPEG (mozjpeg)
 * is the fallback every browser, crawler and link preview reads; WebP came within 10% of it.
 */
const ENCODERS: Record<PhotoFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  jpeg: (image) => image.jpeg({ quality: 80, mozjpeg: true }),
};

/** The upload's content hash: the name of all its files, so the same photo sent twice is the same files. */
export const photoHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const UNREADABLE = (kind: string) =>
  refuse(422, 'photo-unreadable', `the file begins like a ${kind} image but cannot be read: it may be damaged or cut short`);

/** The upload decoded, upright, as an sRGB sharp pipeline; or why not. */
async function decoded(bytes: Uint8Array): Promise<Sharp | PhotoRefusal> {
  const kind = detectUploadKind(bytes);
  if (!kind) return refuse(415, 'not-an-image', 'the file is not a JPEG, PNG, WebP or HEIC photo, whatever its name says');
  if (kind === 'heif') {
    let heic;
    try {
      heic = await decodeHeic(bytes, { maxPixels: MAX_PHOTO_PIXELS, minLong: MIN_PHOTO_LONG_SIDE, minShort: MIN_PHOTO_SHORT_SIDE });
    } catch (error) {
      if (error instanceof HeicDecodeError) return UNREADABLE('HEIC');
      throw error;
    }
    const problem = photoSizeProblem(heic.width, heic.height);
    if (problem || !heic.data) return refuse(422, problem?.reason ?? 'photo-unreadable', problem?.detail ?? 'the HEIC photo could not be decoded');
    return sharp(heic.data, { raw: { width: heic.width, height: heic.height, channels: 4 } });
  }
  let metadata;
  try {
    // The header only: the size is checked before a pixel is decoded.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return UNREADABLE(kind.toUpperCase());
  }
  const turned = (metadata.orientation ?? 1) >= 5;
  const problem = photoSizeProblem(turned ? metadata.height : metadata.width, turned ? metadata.width : metadata.height);
  if (problem) return refuse(422, problem.reason, problem.detail);
  // A cut-short file is refused rather than shown half grey; a minor warning in an otherwise whole one is not.
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'truncated' }).autoOrient();
}

/**
 * Makes the files of one upload: upright (EXIF orientation applied), flattened onto white, sRGB,
 * with no metadata (sharp writes none unless asked: no EXIF, so no GPS position, camera or date),
 * at each of PHOTO_WIDTHS up to the photo's own width, in each format.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto | PhotoRefusal> {
  if (!bytes.byteLength) return refuse(400, 'no-photo', 'the request carried no photo');
  const image = await decoded(bytes);
  if (!('resize' in image)) return image;
  let largest;
  try {
    // Decoded once, at the largest size kept; the smaller sizes are made from that.
    largest = await image
      .resize({ width: PHOTO_WIDTHS.at(-1), height: PHOTO_WIDTHS.at(-1), fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    return UNREADABLE(detectUploadKind(bytes)!.toUpperCase());
  }
  const { width, height, channels } = largest.info;
  const file = photoHash(bytes);
  const files: ProcessedPhoto['files'] = [];
  for (const each of photoWidths(width)) {
    const resized = sharp(largest.data, { raw: { width, height, channels } }).resize({ width: each });
    for (const format of Object.keys(ENCODERS) as PhotoFormat[]) {
      files.push({ name: photoFileName(file, each, format), bytes: await ENCODERS[format](resized.clone()).toBuffer() });
    }
  }
  return { ok: true, photo: { file, width, height }, files };
}
