import { SITE_URL } from 'astro:env/server';
import { LOCAL_SITE_URL } from '../lib/site-url.ts';
import { checkRequestHeaders } from '../lib/commerce/checkout-request.ts';
import { json } from './http.ts';

/**
 * The site's public origin at run time: SITE_URL when the server is given it, else the address the
 * build was made for. Links in e-mails and the origin every write must come from are this one,
 * never the request's Host or Origin header, which a client can forge.
 */
export function publicOrigin(): string {
  return new URL(SITE_URL ?? import.meta.env.SITE ?? LOCAL_SITE_URL).origin;
}

/** 403 for a state-changing request whose Origin is missing or not the site's own; undefined when it may go on. */
export function refuseForeignOrigin(request: Request): Response | undefined {
  return request.headers.get('origin') === publicOrigin() ? undefined : json({ error: 'cross-site-origin' }, 403);
}

/**
 * The header checks both checkouts share (JSON, a size, an Origin that is the site's public
 * origin, whatever Host the request names): the refusal to answer, or undefined when it may go on.
 */
export function refuseBadCheckoutHeaders(request: Request): Response | undefined {
  const headers = checkRequestHeaders({
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    origin: request.headers.get('origin'),
    allowedOrigins: [publicOrigin()],
  });
  return headers.ok ? undefined : json({ error: headers.reason }, headers.status);
}
