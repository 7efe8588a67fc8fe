import type { APIRoute } from 'astro';
import { SIGN_IN, WORKSPACE } from '../../../lib/office/paths.ts';
import { json, methodNotAllowed } from '../../../server/http.ts';
import { redeemLink } from '../../../server/office/accounts.ts';
import { clientKey, overLimit } from '../../../server/office/requests.ts';
import { officeStore, setSessionCookie } from '../../../server/office/session.ts';

export const prerender = false;

/** Only addresses inside the workspace are followed after signing in (no open redirect). */
const safeNext = (next: FormDataEntryValue | null) => (typeof next === 'string' && /^\/quan-ly\/[^\s\\]*$/.test(next) && !next.startsWith('//') ? next : WORKSPACE);

/**
 * The sign-in link's page posts here (a GET would let a mail scanner that opens links use up the
 * link). A form post is answered with a redirect, a JSON post with JSON.
 */
export const POST: APIRoute = async (context) => {
  const wantsJson = context.request.headers.get('content-type')?.includes('application/json') ?? false;
  const limited = await overLimit('sign-in', clientKey(context));
  if (limited) return limited;
  let token: unknown;
  let next: FormDataEntryValue | null = null;
  try {
    if (wantsJson) ({ token } = (await context.request.json()) as { token?: unknown });
    else {
      const form = await context.request.formData();
      token = form.get('token');
      next = form.get('next');
    }
  } catch {
    return json({ error: 'malformed-body' }, 400);
  }
  if (typeof token !== 'string' || !token || token.length > 100) {
    return wantsJson ? json({ error: 'unknown-link' }, 400) : context.redirect(`${SIGN_IN}?error=unknown-link`, 303);
  }
  const result = await redeemLink(await officeStore(), token);
  if (!result.ok) return wantsJson ? json({ error: result.reason }, 400) : context.redirect(`${SIGN_IN}?error=${result.reason}`, 303);
  setSessionCookie(context.cookies, result.sessionToken);
  return wantsJson ? json({ account: { email: result.account.email, province: result.account.province } }) : context.redirect(safeNext(next), 303);
};

export const ALL = methodNotAllowed('POST');
