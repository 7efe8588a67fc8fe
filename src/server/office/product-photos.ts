import type { APIContext } from 'astro';
import { json } from '../http.ts';
import { photoFilesIn, receivePhoto } from '../photos/photo-upload.ts';
import { answer } from './entry-api.ts';
import { viewEntry } from './entry-pages.ts';
import { officeAccount, overLimit } from './requests.ts';
import { changeMessage, saveChanges } from './save-changes.ts';

/**
 * `POST /quan-ly/api/photos/<product id>`: a form (multipart/form-data) with the photo in the file
 * field `photo` and its description in `alt` (required), optionally `base`, the hash of the version
 * the editor started from. The photo is checked and made into its sizes in memory, then its files
 * and the product's `photos` entry go into one commit, as any save does (origin and session checked
 * by the door, src/server/office/guard.ts; province here). Any refusal writes nothing.
 */
export async function uploadProductPhoto(context: APIContext, id: string): Promise<Response> {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const view = await viewEntry(account, 'products', id);
  if (view.status === 404) return json({ error: 'unknown-entry' }, 404);
  if (view.status === 403) return json({ error: 'outside-province', province: view.province }, 403);
  const { entry } = view;
  const received = await receivePhoto(context.request);
  if (!received.ok) return json({ error: received.reason, message: received.detail }, received.status);
  const { processed, fields } = received;
  // A form from the product's page (no script) goes back there, saying what happened.
  const back = typeof fields.return === 'string' && /^\/quan-ly\/[^\s\\]*$/.test(fields.return) ? fields.return : undefined;
  const reply = (outcome: { ok: true } | { ok: false; problem: string }, response: Response) =>
    back ? context.redirect(`${back}?entry=${encodeURIComponent(id)}&${outcome.ok ? 'done=photo' : `problem=${encodeURIComponent(outcome.problem)}`}`, 303) : response;
  const photo = { ...processed.photo, alt: (fields.alt ?? '').trim() };
  const listed = Array.isArray(entry.data.photos) ? (entry.data.photos as { file?: unknown }[]) : [];
  const photos = listed.some((each) => each.file === photo.file) ? listed : [...listed, photo];
  const slug = typeof entry.data.slug === 'string' ? entry.data.slug : id;
  const outcome = await saveChanges(
    account,
    [{ kind: 'products', id, data: { ...entry.data, photos }, body: entry.body, base: fields.base ?? entry.hash, attachments: photoFilesIn(slug, processed) }],
    changeMessage('Thêm ảnh cho', 'products', entry.data.name, id),
  );
  if (!outcome.ok) return reply({ ok: false, problem: outcome.errors?.map((error) => error.message).join('; ') || outcome.message || outcome.error }, answer(outcome));
  return reply({ ok: true }, json({ photo, commit: outcome.commit ?? null, pushError: outcome.pushError, files: outcome.files }, 201));
}

