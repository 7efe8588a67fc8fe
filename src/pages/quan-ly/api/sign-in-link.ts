import type { APIRoute } from 'astro';
import { SIGN_IN, signInLink } from '../../../lib/office/paths.ts';
import { sendMailSoon } from '../../../server/payments.ts';
import { json, methodNotAllowed } from '../../../server/http.ts';
import { sendNewLink } from '../../../server/office/accounts.ts';
import { clientKey, overLimit } from '../../../server/office/requests.ts';
import { officeStore } from '../../../server/office/session.ts';
import { publicOrigin } from '../../../server/public-origin.ts';

export const prerender = false;

/**
 * "Send me a new link": the same answer whether or not the address has an account, so the form
 * tells nobody who works for which office. Limited per client and per address.
 */
export const POST: APIRoute = async (context) => {
  const form = await context.request.formData().catch(() => undefined);
  const email = form?.get('email');
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()) || email.length > 200) {
    return context.redirect(`${SIGN_IN}?error=bad-email`, 303);
  }
  for (const key of [clientKey(context), `email:${email.trim().toLowerCase()}`]) {
    const limited = await overLimit('sign-in-link', key);
    if (limited) return limited;
  }
  const db = await officeStore();
  await sendNewLink(db, email, (token) => signInLink(publicOrigin(), token));
  sendMailSoon(db);
  return context.request.headers.get('accept')?.includes('application/json') ? json({ sent: true }, 202) : context.redirect(`${SIGN_IN}?sent=1`, 303);
};

export const ALL = methodNotAllowed('POST');
