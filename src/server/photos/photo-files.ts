import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PHOTO_FOLDER, PHOTO_URL_PREFIX, parsePhotoUrl, photoUrlNear, type PhotoFormat, type ProductPhoto } from '../../lib/photos.ts';

/**
 * Serves the stored photo files at /anh/<slug>/<file>-<width>.<avif|jpg> from the content folder
 * itself (never from a build: photos are left out of the frozen copy a release is built from).
 * Their names come from their bytes' hash and never change meaning, so browsers and CDNs keep them
 * for a year. Only names of that exact shape are looked up (no dots, slashes or escapes get
 * through, so nothing outside the folder can be named) and nothing is ever listed.
 */

/** The content folder the server reads photos from: OCOP_CONTENT_DIR, else content/. */
export const contentDirFrom = (env: NodeJS.ProcessEnv = process.env) => path.resolve(env.OCOP_CONTENT_DIR ?? 'content');

/** Where the stored file of a photo about `width` wide is, for the server's own use (preview cards). */
export const storedPhotoFile = (contentDir: string, slug: string, photo: Pick<ProductPhoto, 'file' | 'width'>, width: number, format: PhotoFormat) =>
  path.join(contentDir, PHOTO_FOLDER, slug, path.basename(photoUrlNear(slug, photo, width, format)));

const answer = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(text);

/** Answers a request under /anh/ and says true; false for any other path, which the caller serves. */
export async function servePhoto(req: IncomingMessage, res: ServerResponse, contentDir: string): Promise<boolean> {
  // The path as sent, not normalised: ../ or an escape is simply not a photo's name.
  const pathname = (req.url ?? '/').split('?')[0];
  if (!pathname.startsWith(PHOTO_URL_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return true;
  }
  const wanted = parsePhotoUrl(pathname);
  const file = wanted && path.join(contentDir, PHOTO_FOLDER, wanted.slug, wanted.name);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!wanted || !file || !info?.isFile()) {
    answer(res, 404, 'Not found');
    return true;
  }
  const etag = `"${wanted.name}"`;
  const headers = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag, 'Last-Modified': info.mtime.toUTCString() };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Type': wanted.contentType, 'Content-Length': String(info.size) });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.once('error', () => {
      res.destroy();
      resolve();
    });
    stream.once('end', resolve);
    stream.pipe(res);
  });
  return true;
}
