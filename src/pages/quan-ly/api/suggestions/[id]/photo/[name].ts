import type { APIRoute } from 'astro';
import { json, methodNotAllowed } from '../../../../../../server/http.ts';
import { officeAccount } from '../../../../../../server/office/requests.ts';
import { suggestionPhoto } from '../../../../../../server/office/suggestion-review.ts';

export const prerender = false;

/** A proposed photo as the pipeline made it (already without metadata), for the review page; the province's only. */
export const GET: APIRoute = async (context) => {
  const name = context.params.name ?? '';
  if (!/^[0-9a-f]{16}-\d+\.(jpg|avif)$/.test(name)) return json({ error: 'unknown-photo' }, 404);
  const photo = await suggestionPhoto(officeAccount(context), context.params.id ?? '', name);
  if (photo === 403) return json({ error: 'outside-province' }, 403);
  if (photo === 404) return json({ error: 'unknown-photo' }, 404);
  return new Response(new Uint8Array(photo), { headers: { 'Content-Type': name.endsWith('.jpg') ? 'image/jpeg' : 'image/avif' } });
};

export const ALL = methodNotAllowed('GET');
