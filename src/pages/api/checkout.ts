import type { APIRoute } from 'astro';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { lineItemName, MAX_BODY_BYTES, parseCheckoutBody, priceCheckout } from '../../lib/commerce/checkout-request.ts';
import { encodeOrderMetadata } from '../../lib/commerce/order-metadata.ts';
import { pagePath } from '../../lib/paths.ts';
import { catalogueLookup } from '../../server/catalogue-products.ts';
import { getStripe, paymentsConfigured } from '../../server/config.ts';
import { json, methodNotAllowed, readBodyWithin } from '../../server/http.ts';
import { refuseBadCheckoutHeaders } from '../../server/public-origin.ts';
import { publicOrigin } from '../../server/public-origin.ts';
import { bankTransferEnabled } from '../../server/payments.ts';

export const prerender = false;

/** The cart asks first which ways to pay are available (card through Stripe, bank transfer), to offer other ways to buy if none. */
export const GET: APIRoute = () => json({ configured: paymentsConfigured(), bankTransfer: bankTransferEnabled() });

/**
 * Turns a cart ({ items: [{ productId, quantity }] }) into a Stripe Checkout Session and answers
 * { url } for the browser to go to. Every refusal is a 4xx with { error: reason } and reaches no Stripe.
 */
export const POST: APIRoute = async ({ request }) => {
  const origin = publicOrigin();
  const refused = refuseBadCheckoutHeaders(request);
  if (refused) return refused;

  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if ('response' in body) return body.response;
  const parsed = parseCheckoutBody(body.text);
  if (!parsed.ok) return json({ error: parsed.reason, detail: parsed.detail }, parsed.status);
  const priced = priceCheckout(parsed.body.items, await catalogueLookup());
  if (!priced.ok) return json({ error: priced.reason, detail: priced.detail }, priced.status);
  if (!paymentsConfigured()) return json({ error: 'payments-not-configured' }, 503);

  const { locale } = parsed.body;
  const lines = priced.lines;
  try {
    const session = await getStripe().checkout.sessions.create(
      {
        mode: 'payment',
        currency: 'vnd',
        locale,
        // VND is a zero-decimal currency: 35000 is 35,000 ₫, passed through unchanged.
        line_items: lines.map(({ product, quantity }) => ({
          quantity,
          price_data: {
            currency: 'vnd',
            unit_amount: product.price,
            product_data: {
              name: lineItemName(product, locale),
              images: [new URL(product.imagePath, origin).href],
              metadata: { product_id: product.id, producer_id: product.producerId },
            },
          },
        })),
        shipping_address_collection: { allowed_countries: ['VN'] },
        phone_number_collection: { enabled: true },
        success_url: `${origin}${pagePath('checkoutSuccess', locale)}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${origin}${pagePath('checkoutCancel', locale)}`,
        metadata: encodeOrderMetadata(
          lines.map(({ product, quantity }) => ({ productId: product.id, producerId: product.producerId, quantity, unitAmount: product.price })),
        ),
      },
      // One key per checkout attempt: the SDK's retry reuses it, so a retry never makes a second session.
      { idempotencyKey: `checkout-${randomUUID()}` },
    );
    if (!session.url) throw new Error(`session ${session.id} has no url`);
    return json({ url: session.url });
  } catch (error) {
    // Stripe refused or could not be reached: nothing was bought, the cart stays, trying again is safe.
    const detail = error instanceof Stripe.errors.StripeError ? error.type : 'unexpected';
    console.error('checkout: Stripe session failed:', error instanceof Error ? error.message : error);
    return json({ error: 'payment-provider-unavailable', detail, retryable: true }, 502, { 'Retry-After': '5' });
  }
};

export const ALL = methodNotAllowed('GET', 'POST');
