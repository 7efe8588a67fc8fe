import type { APIRoute } from 'astro';
import type Stripe from 'stripe';
import { decodeOrderMetadata } from '../../../lib/commerce/order-metadata.ts';
import { isHandledEvent, statusFromEvent } from '../../../lib/commerce/orders.ts';
import { catalogueLookup } from '../../../server/catalogue-products.ts';
import { getStripe, webhookConfigured, webhookSecret } from '../../../server/config.ts';
import { json, methodNotAllowed, readBodyWithin } from '../../../server/http.ts';
import { getOrderStore } from '../../../server/payments.ts';
import { recordCardOrder, type OrderEvent } from '../../../server/store/card-orders.ts';

export const prerender = false;

/** Stripe's events are small; anything this big is not from Stripe. */
const MAX_EVENT_BYTES = 256 * 1024;

/**
 * Stripe's webhook: the signature is checked on the raw body before anything is parsed, then paid,
 * pending and failed checkouts are stored as orders. A 5xx makes Stripe retry, which is safe
 * because storing is idempotent.
 */
export const POST: APIRoute = async ({ request }) => {
  if (!webhookConfigured()) return json({ error: 'webhook-not-configured' }, 503);
  const signature = request.headers.get('stripe-signature');
  if (!signature) return json({ error: 'missing-signature' }, 400);
  const body = await readBodyWithin(request, MAX_EVENT_BYTES);
  if ('response' in body) return body.response;
  let event: Stripe.Event;
  try {
    event = getStripe().webhooks.constructEvent(body.text, signature, webhookSecret());
  } catch {
    return json({ error: 'invalid-signature' }, 400);
  }
  if (!isHandledEvent(event.type)) return json({ received: true, ignored: event.type });

  const session = event.data.object as Stripe.Checkout.Session;
  const lookup = await catalogueLookup();
  const lines = decodeOrderMetadata(session.metadata) ?? [];
  if (!lines.length) console.error(`webhook: session ${session.id} has no order lines in its metadata; stored without lines`);
  const details = session.customer_details;
  const shipping = session.collected_information?.shipping_details ?? null;
  const order: OrderEvent = {
    eventId: event.id,
    eventType: event.type,
    sessionId: session.id,
    status: statusFromEvent(event.type, session.payment_status),
    amountTotal: session.amount_total ?? 0,
    currency: session.currency ?? 'vnd',
    customerName: details?.name ?? shipping?.name ?? undefined,
    customerEmail: details?.email ?? undefined,
    customerPhone: details?.phone ?? undefined,
    shipping: shipping ? JSON.stringify(shipping) : undefined,
    lines: lines.map((line) => ({ ...line, productName: lookup(line.productId)?.name ?? line.productId })),
  };
  const outcome = await recordCardOrder(await getOrderStore(), order);
  return json({ received: true, outcome });
};

export const ALL = methodNotAllowed('POST');
