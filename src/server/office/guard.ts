import type { APIContext, MiddlewareNext } from 'astro';
import { json } from '../http.ts';
import { refuseForeignOrigin } from '../public-origin.ts';
import { currentAccount } from './session.ts';
import { entryIndex } from './workspace.ts';

/**
 * The door of the workspace, in front of every page under /quan-ly/ and its API, /quan-ly/api/:
 * writes must come from the site itself (Origin), and everything but signing in needs a live
 * session: pages redirect to the sign-in page, the API answers 401. Province scope is checked by
 * each entry's handler (src/server/office/save-changes.ts and the pages), on the entry itself.
 */
export const SIGN_IN_PATH = '/quan-ly/dang-nhap/';
const OPEN = new Set(['/quan-ly/dang-nhap', '/quan-ly/api/sign-in', '/quan-ly/api/sign-in-link']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export async function guardWorkspace(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const path = context.url.pathname.replace(/\/+$/, '');
  const api = path.startsWith('/quan-ly/api');
  if (!SAFE_METHODS.has(context.request.method)) {
    const refused = refuseForeignOrigin(context.request);
    if (refused) return refused;
  }
  if (path === SIGN_IN_PATH.replace(/\/$/, '')) {
    // The day starts here: the entries are read while the office signs in (seconds at national
    // size), so the first list opens at once. A new worker asks for this page itself as it starts.
    entryIndex().catch((error: Error) => console.error('workspace: reading the content failed:', error.message));
  }
  if (!OPEN.has(path)) {
    const account = await currentAccount(context.cookies);
    if (!account) {
      if (api) return json({ error: 'sign-in-required' }, 401);
      const back = `${context.url.pathname}${context.url.search}`;
      return context.redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(back)}`, 303);
    }
    context.locals.office = { account };
  }
  const response = await next();
  // Personal pages: never cached, never indexed, never sent as a referrer to another site. (Not
  // no-referrer: under it browsers send `Origin: null` with the workspace's own form posts.)
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
}
