import type { APIRoute } from 'astro';
import { SIGN_IN } from '../../../lib/office/paths.ts';
import { methodNotAllowed } from '../../../server/http.ts';
import { endSession } from '../../../server/office/accounts.ts';
import { clearSessionCookie, officeStore, SESSION_COOKIE } from '../../../server/office/session.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) await endSession(await officeStore(), token);
  clearSessionCookie(context.cookies);
  return context.redirect(`${SIGN_IN}?signed-out=1`, 303);
};

export const ALL = methodNotAllowed('POST');
