/**
 * The embeddable OCOP badge: stars and "OCOP" on a small label, one SVG per star level, language-
 * neutral so one file serves every site. Stars are drawn as shapes, so no font is needed for them.
 */
export const BADGE_STARS = [3, 4, 5] as const;
export type BadgeStars = (typeof BADGE_STARS)[number];
export const BADGE_SIZE = { width: 168, height: 56 } as const;

export const badgePath = (stars: BadgeStars) => `/huy-hieu/ocop-${stars}-sao.svg`;

/** A five-pointed star centred on (cx, cy) with outer radius r. */
function starPoints(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 ? r * 0.45 : r;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return points.join(' ');
}

export function badgeSvg(stars: BadgeStars): string {
  const { width, height } = BADGE_SIZE;
  const starShapes = Array.from({ length: 5 }, (_, i) =>
    `<polygon points="${starPoints(82 + i * 17, 35, 7.5)}" fill="${i < stars ? '#f2b705' : '#d9dee2'}"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="OCOP ${stars}/5">`
    + `<title>OCOP ${stars}/5</title>`
    + `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="8" fill="#ffffff" stroke="#b3261e" stroke-width="2"/>`
    + `<rect x="1" y="1" width="64" height="${height - 2}" rx="8" fill="#b3261e"/><rect x="40" y="1" width="25" height="${height - 2}" fill="#b3261e"/>`
    + `<text x="33" y="35" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="17" font-weight="700" fill="#ffffff">OCOP</text>`
    + `<text x="116" y="19" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="11" fill="#1d2327">${stars} / 5</text>`
    + starShapes
    + `</svg>`;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a producer pastes into a web page: the badge, linking to the product page. */
export function badgeSnippet(pageUrl: string, badgeUrl: string, alt: string): string {
  const { width, height } = BADGE_SIZE;
  return `<a href="${escapeAttribute(pageUrl)}" target="_blank" rel="noopener"><img src="${escapeAttribute(badgeUrl)}" alt="${escapeAttribute(alt)}" width="${width}" height="${height}"></a>`;
}
