/**
 * The public address every QR code, short link, canonical URL, sitemap entry and preview card is
 * built with. Local builds default to http://localhost:4321; a deployment build (OCOP_DEPLOY=1, as
 * `npm run build:deploy` sets) must name the real address, or producers would print localhost on
 * their packaging.
 */
export const LOCAL_SITE_URL = 'http://localhost:4321';

export class SiteUrlError extends Error {}

export function resolveSiteUrl(env: Record<string, string | undefined>): string {
  const deploying = env.OCOP_DEPLOY === '1';
  const value = env.SITE_URL?.trim();
  if (!value) {
    if (!deploying) return LOCAL_SITE_URL;
    throw new SiteUrlError(
      'SITE_URL is not set. A deployment build writes it into every QR code, short link, canonical URL, sitemap entry and preview card, ' +
        'so set the public address, e.g.\n\n  SITE_URL=https://ocop.example.vn npm run build:deploy\n',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteUrlError(`SITE_URL "${value}" is not a web address; write it like https://ocop.example.vn`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SiteUrlError(`SITE_URL "${value}" must start with https:// (or http://)`);
  if (deploying && /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(url.hostname)) {
    throw new SiteUrlError(`SITE_URL "${value}" is a local address; a deployment build needs the public one`);
  }
  return url.origin;
}
