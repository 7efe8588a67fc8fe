/**
 * Framing is forbidden everywhere. Built files get `frame-ancestors 'none'` from the server's own
 * header (scripts/serve.ts); pages rendered on demand carry Astro's Content-Security-Policy header,
 * which replaces that one, so the directive is added to Astro's policy instead.
 */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The policy with `frame-ancestors 'none'` added when it names no frame-ancestors of its own. */
export function withFrameAncestors(policy: string): string {
  if (/(^|;)\s*frame-ancestors\s/i.test(policy)) return policy;
  const trimmed = policy.trim().replace(/;\s*$/, '');
  return trimmed ? `${trimmed}; ${FRAME_ANCESTORS}` : FRAME_ANCESTORS;
}
