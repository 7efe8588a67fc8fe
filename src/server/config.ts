import Stripe from 'stripe';
import {
  STRIPE_API_HOST,
  STRIPE_API_PORT,
  STRIPE_API_PROTOCOL,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
} from 'astro:env/server';

/**
 * Server-only configuration, read at run time through astro:env secrets so no key is ever bundled.
 * Without STRIPE_SECRET_KEY the site still runs and the cart offers other ways to buy.
 */
export const paymentsConfigured = () => Boolean(STRIPE_SECRET_KEY);
export const webhookConfigured = () => Boolean(STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET);
export const webhookSecret = () => STRIPE_WEBHOOK_SECRET ?? '';

let stripe: Stripe | undefined;

/** One client for the process; STRIPE_API_* point it at a local test server. */
export function getStripe(): Stripe {
  if (!STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set');
  stripe ??= new Stripe(STRIPE_SECRET_KEY, {
    host: STRIPE_API_HOST,
    port: STRIPE_API_PORT,
    protocol: STRIPE_API_PROTOCOL,
    // One retry with the same idempotency key, and a bounded wait so the shopper hears back quickly.
    maxNetworkRetries: 1,
    timeout: 15_000,
    appInfo: { name: 'ocop-catalogue' },
  });
  return stripe;
}
