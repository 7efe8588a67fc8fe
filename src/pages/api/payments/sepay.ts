import type { APIRoute } from 'astro';
import { isAuthorised, parseNotification } from '../../../lib/payments/bank-notification.ts';
import { json, methodNotAllowed, readBodyWithin } from '../../../server/http.ts';
import { bankWebhookSecret, getOrderStore, orderNoticesOfSite, sendMailSoon } from '../../../server/payments.ts';
import { applyBankNotification } from '../../../server/store/transfer-orders.ts';

export const prerender = false;

const MAX_NOTIFICATION_BYTES = 16 * 1024;

/**
 * Incoming bank transactions from SePay (or any service posting the same shape), authenticated by
 * `Authorization: Apikey <BANK_WEBHOOK_SECRET>`. Every notification we could read is answered
 * {"success":true}, even when it matches no order, so the sender stops retrying; a 5xx (store
 * down) makes it retry, which is safe because a transaction id is applied only once.
 */
export const POST: APIRoute = async ({ request }) => {
  const secret = bankWebhookSecret();
  if (!secret) return json({ success: false, error: 'webhook-not-configured' }, 503);
  if (!isAuthorised(request.headers.get('authorization'), secret)) return json({ success: false, error: 'unauthorised' }, 401);
  const body = await readBodyWithin(request, MAX_NOTIFICATION_BYTES);
  if ('response' in body) return body.response;
  const notification = parseNotification(body.text);
  if (!notification) return json({ success: false, error: 'malformed-body' }, 400);

  const db = await getOrderStore();
  const { outcome, reference } = await applyBankNotification(db, 'sepay', notification, orderNoticesOfSite());
  // Paid parts and money that paid nothing have notices waiting in the outbox.
  if (outcome !== 'duplicate' && outcome !== 'outgoing') sendMailSoon(db);
  if (outcome === 'unknown-reference' || outcome === 'review' || outcome === 'already-settled') {
    console.warn(`bank notification ${notification.id} (${notification.transferAmount} ₫ to ${notification.accountNumber}): ${outcome}${reference ? ` for ${reference}` : ''}`);
  }
  return json({ success: true, outcome });
};

export const ALL = methodNotAllowed('POST');
