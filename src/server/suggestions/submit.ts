import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Product } from '../../data/catalogue.ts';
import { MAX_PHOTO_BYTES } from '../../lib/photos.ts';
import { productPath } from '../../lib/paths.ts';
import { publishedListing, type Locale } from '../../lib/suggestions/fields.ts';
import { confirmationMail } from '../../lib/suggestions/mail.ts';
import { CONFIRM_PATH, filledHoneypot, MAX_SUGGESTION_BYTES, MAX_SUGGESTION_PHOTOS, readSubmission, verificationFor } from '../../lib/suggestions/submission.ts';
import { BodyTooLargeError, ClientGoneError, readBytesWithin } from '../http.ts';
import { overLimit } from '../office/requests.ts';
import { getOrderStore, sendMailSoon } from '../payments.ts';
import { contentDirFrom } from '../photos/photo-files.ts';
import { processPhotoInTurn } from '../photos/photo-upload.ts';
import type { ProcessedPhoto } from '../photos/process-photo.ts';
import { publicOrigin, refuseForeignOrigin } from '../public-origin.ts';
import { CONFIRM_DAYS, createSuggestion, type SuggestionPhoto, type SuggestionVerification } from './store.ts';

/**
 * A producer's suggestion as it arrives (the form of /cap-nhat/<slug>/, or its API): from the
 * site's own origin, within the client's and the product's limits, at most 40 MB in all, every
 * field checked with the build's rules, every photo checked by its content and made into its
 * sizes without its metadata; then stored whole with a confirmation e-mail to the address on file,
 * or not at all. Each refusal says why, with the status the API answers.
 */
export type SubmitOutcome =
  | { ok: true; status: 201; id: string; verification: SuggestionVerification }
  | { ok: false; status: 400 | 403 | 413 | 415 | 422 | 429; error: string; message?: string; errors?: Record<string, string>; retryAfter?: number; sent?: Record<string, string> };

const FORM_OVERHEAD_BYTES = 256 * 1024;
const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

/** The producer file as it is now in the content folder (not as published): where a confirmation goes. */
async function producerOnFile(producerId: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(contentDirFrom(), 'producers', `${producerId}.yaml`), 'utf8').catch(() => '');
  return (text ? (yaml.load(text) as Record<string, unknown> | null) : null) ?? {};
}

type Refusal = Extract<SubmitOutcome, { ok: false }>;
const refused = (status: Refusal['status'], error: string, extra: Pick<Refusal, 'message' | 'errors' | 'retryAfter'> = {}): Refusal => ({ ok: false, status, error, ...extra });

async function readForm(request: Request): Promise<FormData | SubmitOutcome> {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
  if (!FORM_TYPES.has(type)) return refused(415, 'unsupported-content-type', { message: 'send the form (multipart/form-data)' });
  const limit = MAX_SUGGESTION_BYTES + FORM_OVERHEAD_BYTES;
  const tooBig = refused(413, 'suggestion-too-large', { message: `photos and text together are at most ${MAX_SUGGESTION_BYTES / 1024 / 1024} MB` });
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooBig;
  try {
    const body = await readBytesWithin(request, limit);
    return await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooBig;
    if (error instanceof ClientGoneError) return refused(400, 'client-disconnected');
    return refused(400, 'malformed-form', { message: 'the form could not be read' });
  }
}

export async function submitSuggestion(request: Request, product: Product, client: string, locale: Locale): Promise<SubmitOutcome> {
  const foreign = refuseForeignOrigin(request);
  if (foreign) return refused(403, 'cross-site-origin');
  // Every request that may store something counts, whatever it turns out to hold.
  for (const [limit, key] of [['suggestion', client], ['suggestion-product', product.id]] as const) {
    const limited = await overLimit(limit, key);
    if (limited) return refused(429, 'too-many-requests', { retryAfter: Number(limited.headers.get('Retry-After')) });
  }
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const texts = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  // Refusals from here on carry the texts back, for the page to show them again.
  const refusedWith = (...args: Parameters<typeof refused>): Refusal => ({ ...refused(...args), sent: texts });
  const uploads = form.getAll('photos').filter((value): value is File => value instanceof Blob && value.size > 0);
  // A bot's answer looks like a person's; nothing is kept.
  if (filledHoneypot(texts)) return { ok: true, status: 201, id: 'received', verification: 'call' };
  if (uploads.length > MAX_SUGGESTION_PHOTOS) return refusedWith(422, 'too-many-photos', { errors: { photos: locale === 'vi' ? `Tối đa ${MAX_SUGGESTION_PHOTOS} ảnh mỗi lần gửi.` : `At most ${MAX_SUGGESTION_PHOTOS} photos at a time.` } });
  const read = readSubmission(texts, publishedListing(product), locale, uploads.length);
  if (!read.ok) return refusedWith(422, 'invalid-suggestion', { errors: read.errors });

  const processed: ProcessedPhoto[] = [];
  for (const upload of uploads) {
    if (upload.size > MAX_PHOTO_BYTES) return refusedWith(413, 'photo-too-large', { message: `${upload.name}: a photo is at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB` });
    const photo = await processPhotoInTurn(new Uint8Array(await upload.arrayBuffer()));
    if (!photo.ok) return refusedWith(photo.status === 413 ? 413 : photo.status, photo.reason, { message: `${upload.name}: ${photo.detail}`, errors: { photos: `${upload.name}: ${photo.detail}` } });
    processed.push(photo);
  }
  if (request.signal.aborted) return refusedWith(400, 'client-disconnected');

  const { submission } = read;
  const alt = submission.photoAlt ?? product.data.name;
  const photos: SuggestionPhoto[] = processed.map(({ photo, files }) => ({ ...photo, alt, files: files.map((file) => file.name) }));
  const verification = verificationFor(await producerOnFile(product.producer.id));
  const origin = publicOrigin();
  const db = await getOrderStore();
  const stored = await createSuggestion(
    db,
    {
      productId: product.id,
      producerId: product.producer.id,
      province: product.currentProvince,
      locale,
      values: submission.values,
      photos,
      contact: submission.contact,
      confirmTo: verification.kind === 'email' ? verification.to : undefined,
    },
    processed.flatMap((photo) => photo.files),
    (token) =>
      verification.kind === 'email'
        ? confirmationMail(verification.to, {
            productName: product.data.name,
            producerName: product.producer.data.name,
            productUrl: `${origin}${productPath(product.slug, locale)}`,
            link: `${origin}${CONFIRM_PATH}?token=${encodeURIComponent(token)}`,
            days: CONFIRM_DAYS,
          })
        : undefined,
  );
  sendMailSoon(db);
  return { ok: true, status: 201, ...stored };
}
