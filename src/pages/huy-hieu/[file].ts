import type { APIRoute, GetStaticPaths } from 'astro';
import { BADGE_STARS, badgePath, badgeSvg, type BadgeStars } from '../../lib/badge.ts';

/** Three files, one per star level (/huy-hieu/ocop-4-sao.svg), for producers' websites to embed. */
export const getStaticPaths = (() =>
  BADGE_STARS.map((stars) => ({ params: { file: badgePath(stars).split('/').pop()! }, props: { stars } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ stars: BadgeStars }> = ({ props }) =>
  new Response(badgeSvg(props.stars), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
