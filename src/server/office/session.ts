import type { AstroCookies } from 'astro';
import { getOrderStore } from '../payments.ts';
import { publicOrigin } from '../public-origin.ts';
import { SESSION_DAYS, sessionAccount, type OfficeAccount } from './accounts.ts';

/**
 * The office session cookie: a random token (its hash is in the store), HttpOnly so no script can
 * read it, SameSite=Lax so another site cannot post with it (and the workspace's writes check the
 * Origin too), Secure whenever the site is served over HTTPS, sent only to the workspace (/quan-ly/).
 */
export const SESSION_COOKIE = 'ocop_office';
const WORKSPACE_PATH = '/quan-ly';

export const officeStore = getOrderStore;

export async function currentAccount(cookies: AstroCookies): Promise<OfficeAccount | undefined> {
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (!token || token.length > 100) return undefined;
  return sessionAccount(await officeStore(), token);
}

const secure = () => publicOrigin().startsWith('https:');

export function setSessionCookie(cookies: AstroCookies, token: string): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secure(), path: WORKSPACE_PATH, maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { path: WORKSPACE_PATH, httpOnly: true, sameSite: 'lax', secure: secure() });
}
