import type { AstroGlobal } from 'astro';
import { findProduct, type Product } from '../../data/catalogue.ts';
import type { Locale } from '../../lib/suggestions/fields.ts';
import type { SubmitOutcome } from './submit.ts';

/**
 * The producer's form page in either locale: the product, and on a POST what the submission
 * answered (its status becomes the page's). Never cached, never indexed. The submission's code is
 * loaded only when a form is sent.
 */
export async function updatePage(astro: AstroGlobal, locale: Locale): Promise<{ product: Product; outcome?: SubmitOutcome; sent?: Record<string, string> } | Response> {
  const product = await findProduct(astro.params.slug ?? '');
  astro.response.headers.set('Cache-Control', 'no-store');
  astro.response.headers.set('X-Robots-Tag', 'noindex');
  if (!product) return new Response(null, { status: 404 });
  if (astro.request.method !== 'POST') return { product };
  const [{ submitSuggestion }, { clientKey }] = await Promise.all([import('./submit.ts'), import('../office/requests.ts')]);
  const outcome = await submitSuggestion(astro.request, product, clientKey(astro), locale);
  astro.response.status = outcome.status;
  if (!outcome.ok && outcome.retryAfter) astro.response.headers.set('Retry-After', String(outcome.retryAfter));
  return { product, outcome, sent: outcome.ok ? undefined : outcome.sent };
}
