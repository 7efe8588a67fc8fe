import type { AstroGlobal } from 'astro';
import type Stripe from 'stripe';
import { getStripe, paymentsConfigured } from './config.ts';
import { SECURITY_HEADERS } from './http.ts';

/**
 * The success page's session, named by the unguessable id Stripe puts in the return URL. Only a
 * completed session counts: an open one was never paid, so there is no order and the cart stays.
 */
export async function completedSession(url: URL): Promise<Stripe.Checkout.Session | undefined> {
  const id = url.searchParams.get('session_id') ?? '';
  if (!paymentsConfigured() || !/^cs_[A-Za-z0-9_]{1,200}$/.test(id)) return undefined;
  try {
    const session = await getStripe().checkout.sessions.retrieve(id, { expand: ['line_items'] });
    return session.status === 'complete' ? session : undefined;
  } catch (error) {
    console.error('success page: session not retrieved:', error instanceof Error ? error.message : error);
    return undefined;
  }
}

/** Set by the route itself: headers and status only take effect before the page starts streaming. */
export function privatePage(astro: Pick<AstroGlobal, 'response'>, found: boolean) {
  const { 'Content-Security-Policy': _pagesNeedTheirScripts, ...headers } = SECURITY_HEADERS;
  for (const [name, value] of Object.entries(headers)) astro.response.headers.set(name, value);
  astro.response.headers.set('X-Robots-Tag', 'noindex');
  if (!found) astro.response.status = 404;
}
