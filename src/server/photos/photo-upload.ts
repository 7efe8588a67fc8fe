import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PHOTO_BYTES, PHOTO_FOLDER, isProductSlug, type ProductPhoto } from '../../lib/photos.ts';
import { BodyTooLargeError, readBytesWithin } from '../http.ts';
import { processPhoto, refuse, type PhotoRefusal, type ProcessedPhoto } from './process-photo.ts';

/**
 * Accepting one photo for a product: the body read within the limit, the photo checked by its
 * content and made into its files in memory, and only then written, each under a temporary name
 * renamed into place, into <content>/photos/<slug>/. Any refusal writes nothing.
 *
 * The body is either the photo itself (any Content-Type, e.g. `image/jpeg` or
 * `application/octet-stream`: the type is read from the bytes) or `multipart/form-data` with the
 * photo as the file field `photo`; the form's other text fields (such as `alt`) come back as
 * `fields` for the caller to use.
 */
export type PhotoUploadResult =
  | { ok: true; photo: Omit<ProductPhoto, 'alt'>; fields: Record<string, string> }
  | PhotoRefusal;

export interface PhotoUploadOptions {
  /** The product's slug: the photo's folder. */
  slug: string;
  /** The content folder (the one the office edits, not a frozen copy). */
  contentDir: string;
  /** Largest photo accepted, in bytes. */
  maxBytes?: number;
}

/** Room for a form's boundaries, part headers and text fields around the photo. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
export const PHOTO_FIELD = 'photo';

const tooLarge = (maxBytes: number) =>
  refuse(413, 'photo-too-large', `the photo is larger than ${Math.round(maxBytes / (1024 * 1024))} MB: send a smaller one`);

/** One photo at a time per server process: each takes a few hundred megabytes and both cores for a second or more. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  return turn;
}

async function uploadedBytes(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array; fields: Record<string, string> } | PhotoRefusal> {
  const mediaType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  const multipart = mediaType === 'multipart/form-data';
  const limit = maxBytes + (multipart ? FORM_OVERHEAD_BYTES : 0);
  // A declared length over the limit is refused before reading; a smaller one is not trusted.
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge(maxBytes);
  let body: Buffer;
  try {
    body = await readBytesWithin(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge(maxBytes);
    throw error;
  }
  if (!multipart) return { bytes: body, fields: {} };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch {
    return refuse(400, 'malformed-form', 'the form could not be read');
  }
  const photo = form.get(PHOTO_FIELD);
  if (!(photo instanceof Blob)) return refuse(400, 'no-photo', `the form has no file in the field "${PHOTO_FIELD}"`);
  if (photo.size > maxBytes) return tooLarge(maxBytes);
  const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { bytes: new Uint8Array(await photo.arrayBuffer()), fields };
}

/** processPhoto, waiting for the photos before it in this process. */
export const processPhotoInTurn = (bytes: Uint8Array) => oneAtATime(() => processPhoto(bytes));

export const photoFolder = (contentDir: string, slug: string) => path.join(contentDir, PHOTO_FOLDER, slug);

/** Writes the files that are not there yet (a photo sent again is already stored under the same names). */
export async function storePhoto(processed: ProcessedPhoto, options: { slug: string; contentDir: string }): Promise<void> {
  if (!isProductSlug(options.slug)) throw new Error(`not a product slug: ${options.slug}`);
  const folder = photoFolder(options.contentDir, options.slug);
  await mkdir(folder, { recursive: true });
  for (const { name, bytes } of processed.files) {
    const target = path.join(folder, name);
    if (await stat(target).then(() => true, () => false)) continue;
    // A dot name: the content snapshot and the server never look at it.
    const temporary = path.join(folder, `.${name}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
}

export type ReceivedPhoto = { ok: true; processed: ProcessedPhoto; fields: Record<string, string> } | PhotoRefusal;

/**
 * Reads and checks one uploaded photo and makes its files, in memory, writing nothing: for callers
 * that store the files themselves (the workspace commits them with the product's entry).
 */
export async function receivePhoto(request: Request, options: { maxBytes?: number } = {}): Promise<ReceivedPhoto> {
  const upload = await uploadedBytes(request, options.maxBytes ?? MAX_PHOTO_BYTES);
  if ('ok' in upload) return upload;
  const processed = await processPhotoInTurn(upload.bytes);
  return processed.ok ? { ok: true, processed, fields: upload.fields } : processed;
}

/** The files of a processed photo as paths inside the content folder (photos/<slug>/<name>). */
export const photoFilesIn = (slug: string, processed: ProcessedPhoto) =>
  processed.files.map(({ name, bytes }) => ({ file: `${PHOTO_FOLDER}/${slug}/${name}`, contents: bytes }));

/**
 * Reads, checks, makes and stores one uploaded photo. Answers what the product file records
 * (`{ file, width, height }`, plus the alt text the caller adds), or the refusal to send back
 * (`json({ error: reason, detail }, status)`).
 */
export async function acceptPhotoUpload(request: Request, options: PhotoUploadOptions): Promise<PhotoUploadResult> {
  if (!isProductSlug(options.slug)) return refuse(400, 'unknown-product', `"${options.slug}" is not a product slug`);
  const received = await receivePhoto(request, options);
  if (!received.ok) return received;
  await storePhoto(received.processed, options);
  return { ok: true, photo: received.processed.photo, fields: received.fields };
}
