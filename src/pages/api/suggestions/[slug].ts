import type { APIRoute } from 'astro';
import { findProduct } from '../../../data/catalogue.ts';
import { json, methodNotAllowed } from '../../../server/http.ts';
import { clientKey } from '../../../server/office/requests.ts';
import { submitSuggestion } from '../../../server/suggestions/submit.ts';

export const prerender = false;

/**
 * `POST /api/suggestions/<product slug>`: the producer's form (multipart/form-data, the fields of
 * /cap-nhat/<slug>/, photos in `photos`, `locale` vi or en) answered in JSON: 201 with the
 * suggestion's id and how it is verified (`email`: a link went to the address on file; `call`: the
 * office calls first), or the refusal with its reason and, for fields, the message beside each.
 */
export const POST: APIRoute = async (context) => {
  const product = await findProduct(context.params.slug ?? '');
  if (!product) return json({ error: 'unknown-product' }, 404);
  const locale = context.url.searchParams.get('locale') === 'en' ? 'en' : 'vi';
  const outcome = await submitSuggestion(context.request, product, clientKey(context), locale);
  if (outcome.ok) return json({ id: outcome.id, verification: outcome.verification }, 201);
  const { ok: _ok, status, retryAfter, sent: _sent, ...refusal } = outcome;
  return json({ ...refusal, ...(retryAfter && { retryAfter }) }, status, retryAfter ? { 'Retry-After': String(retryAfter) } : {});
};

export const ALL = methodNotAllowed('POST');
