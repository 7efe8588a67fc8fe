import type { APIRoute } from 'astro';
import { MAX_BODY_BYTES, parseCheckoutBody, priceCheckout } from '../../../lib/commerce/checkout-request.ts';
import { buildTransferOrder, transferCheckoutSchema } from '../../../lib/payments/transfer-checkout.ts';
import { pagePath } from '../../../lib/paths.ts';
import { catalogueLookup } from '../../../server/catalogue-products.ts';
import { json, methodNotAllowed, readBodyWithin } from '../../../server/http.ts';
import { refuseBadCheckoutHeaders } from '../../../server/public-origin.ts';
import { bankTransferEnabled, getOrderStore, orderExpiryHours, orderNoticesOfSite, sendMailSoon, takeTransferCheckout } from '../../../server/payments.ts';
import { createTransferOrder } from '../../../server/store/transfer-orders.ts';

export const prerender = false;

/**
 * Bank-transfer checkout: { items, locale, buyer } becomes an order split per producer, stored with
 * its notices, and the answer is its page ({ url }, 201). Every request that passes the header
 * checks counts against the client's limit (429 with Retry-After), because each may store an order.
 * A client that hangs up before the order is stored leaves nothing behind (it would only retry).
 */
export const POST: APIRoute = async ({ request, clientAddress }) => {
  const refused = refuseBadCheckoutHeaders(request);
  if (refused) return refused;
  if (!bankTransferEnabled()) return json({ error: 'bank-transfer-not-configured' }, 503);
  const allowed = await takeTransferCheckout(clientAddress);
  if (!allowed.allowed) return json({ error: 'too-many-orders', retryAfter: allowed.retryAfterSeconds }, 429, { 'Retry-After': String(allowed.retryAfterSeconds) });

  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if ('response' in body) return body.response;
  const parsed = parseCheckoutBody(body.text, transferCheckoutSchema);
  if (!parsed.ok) return json({ error: parsed.reason, detail: parsed.detail }, parsed.status);
  const priced = priceCheckout(parsed.body.items, await catalogueLookup());
  if (!priced.ok) return json({ error: priced.reason, detail: priced.detail }, priced.status);
  const built = buildTransferOrder(priced.lines, parsed.body, new Date(), orderExpiryHours());
  if (!built.ok) return json({ error: built.reason, detail: built.detail }, built.status);

  if (request.signal.aborted) return json({ error: 'client-disconnected' }, 400);
  const db = await getOrderStore();
  await createTransferOrder(db, built.order, orderNoticesOfSite());
  sendMailSoon(db);
  return json({ url: pagePath('order', built.order.locale, built.order.id) }, 201);
};

export const ALL = methodNotAllowed('POST');
