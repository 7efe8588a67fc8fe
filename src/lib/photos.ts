/**
 * Product photos: what an upload may be, which files one photo becomes and where they are served.
 * An upload is recognised by its first bytes (never by its name or the type the browser claims),
 * made once into a few sizes (src/server/photos/), written under content/photos/<product slug>/
 * with names made from the uploaded bytes' hash, and served as they are from /anh/.
 */

/** What a product file records of one photo. */
export interface ProductPhoto {
  /** The photo's name: the hash the upload answered (16 hexadecimal digits). */
  file: string;
  /** What the photo shows, for people who cannot see it. */
  alt: string;
  /** Size of the largest file made (at most the largest of PHOTO_WIDTHS): its shape, for layout. */
  width: number;
  height: number;
}

export type UploadKind = 'jpeg' | 'png' | 'webp' | 'heif';

/** Uploads larger than this are refused (413) while the body is read. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Smaller than VGA either way round looks blurred on a phone held at arm's length. */
export const MIN_PHOTO_LONG_SIDE = 640;
export const MIN_PHOTO_SHORT_SIDE = 480;
/**
 * Decompression bombs (a few kilobytes that claim 50,000 × 50,000 pixels) are refused from their
 * header, before any pixel is decoded. 64 megapixels holds the 50 MP phone cameras.
 */
export const MAX_PHOTO_PIXELS = 64_000_000;

/** Widths made of every photo (narrower originals stop at their own width): thumbnails, cards, phones, desktops. */
export const PHOTO_WIDTHS = [320, 640, 960, 1600] as const;
/** AVIF for browsers that read it (most), JPEG for the rest, crawlers and link previews. */
export const PHOTO_FORMATS = ['avif', 'jpeg'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];
const EXTENSION: Record<PhotoFormat, string> = { avif: 'avif', jpeg: 'jpg' };
export const PHOTO_CONTENT_TYPES: Record<string, string> = { avif: 'image/avif', jpg: 'image/jpeg' };

/** Public address of the photo files: /anh/<product slug>/<file>-<width>.<avif|jpg>. */
export const PHOTO_URL_PREFIX = '/anh/';
/** The folder inside the content folder that holds them (left out of content snapshots). */
export const PHOTO_FOLDER = 'photos';

export const PHOTO_FILE = /^[0-9a-f]{16}$/;
/** A product slug as content-schemas.ts allows it: the only names a photo folder may have. */
export const isProductSlug = (slug: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
const PHOTO_URL = /^\/anh\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([0-9a-f]{16}-[1-9][0-9]{0,4}\.(avif|jpg))$/;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** HEIF brands of HEVC-coded images (iPhone and Samsung photos); AVIF shares the container but is not taken. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/** The kind of image the bytes begin with, or undefined when they are none that is accepted. */
export function detectUploadKind(bytes: Uint8Array): UploadKind | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    // ftyp box: size, 'ftyp', major brand, minor version, then compatible brands to the box's end.
    const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heif';
  }
  return undefined;
}

/** Why an image's size is refused, or undefined when it is fine. */
export function photoSizeProblem(width: number, height: number): { reason: 'photo-too-small' | 'photo-too-many-pixels'; detail: string } | undefined {
  if (width * height > MAX_PHOTO_PIXELS) {
    return { reason: 'photo-too-many-pixels', detail: `${width}×${height} pixels is more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels` };
  }
  if (Math.max(width, height) < MIN_PHOTO_LONG_SIDE || Math.min(width, height) < MIN_PHOTO_SHORT_SIDE) {
    return { reason: 'photo-too-small', detail: `${width}×${height} pixels is smaller than ${MIN_PHOTO_LONG_SIDE}×${MIN_PHOTO_SHORT_SIDE}: send the original photo, not a thumbnail` };
  }
  return undefined;
}

/** The widths made of a photo whose largest file is `width` wide. */
export function photoWidths(width: number): number[] {
  return [...PHOTO_WIDTHS.filter((each) => each < width), Math.min(width, PHOTO_WIDTHS.at(-1)!)];
}

/** Height of the file `width` wide, as the resizer rounds it. */
export const heightAt = (photo: Pick<ProductPhoto, 'width' | 'height'>, width: number) => Math.max(1, Math.round((photo.height * width) / photo.width));

export const photoFileName = (file: string, width: number, format: PhotoFormat) => `${file}-${width}.${EXTENSION[format]}`;

/** Every file name one photo is stored under, inside its product's folder. */
export const photoFileNames = (photo: Pick<ProductPhoto, 'file' | 'width'>) =>
  PHOTO_FORMATS.flatMap((format) => photoWidths(photo.width).map((width) => photoFileName(photo.file, width, format)));

export const photoUrl = (slug: string, photo: Pick<ProductPhoto, 'file'>, width: number, format: PhotoFormat) =>
  `${PHOTO_URL_PREFIX}${slug}/${photoFileName(photo.file, width, format)}`;

/** The file nearest `width` among those made (the next larger, else the largest). */
export function photoUrlNear(slug: string, photo: Pick<ProductPhoto, 'file' | 'width'>, width: number, format: PhotoFormat): string {
  const widths = photoWidths(photo.width);
  return photoUrl(slug, photo, widths.find((each) => each >= width) ?? widths.at(-1)!, format);
}

export const photoSrcset = (slug: string, photo: Pick<ProductPhoto, 'file' | 'width'>, format: PhotoFormat) =>
  photoWidths(photo.width)
    .map((width) => `${photoUrl(slug, photo, width, format)} ${width}w`)
    .join(', ');

/** The stored file a public path names, as product folder and file name; undefined for anything else. */
export function parsePhotoUrl(pathname: string): { slug: string; name: string; contentType: string } | undefined {
  const match = PHOTO_URL.exec(pathname);
  return match ? { slug: match[1], name: match[2], contentType: PHOTO_CONTENT_TYPES[match[3]] } : undefined;
}
