/** OCOP star levels. Five stars are granted only at national level. */
export const STAR_LEVELS = [3, 4, 5] as const;
export type StarLevel = (typeof STAR_LEVELS)[number];

export interface StarRating {
  stars: StarLevel;
  /** A province-certified 4-star product proposed for national five-star evaluation. */
  potentialFiveStar: boolean;
}

const STAR_TEXT = /([345])\s*sao/i;

/**
 * Reads a rating cell or section heading such as "4 sao", "SẢN PHẨM OCOP 3 SAO" or
 * "SẢN PHẨM TIỀM NĂNG 5 SAO". A potential five-star product holds a 4-star certificate.
 */
export function parseStarRating(text: string): StarRating | null {
  const match = STAR_TEXT.exec(text);
  if (!match) return null;
  const stars = Number(match[1]) as StarLevel;
  if (/ti[ềe]m\s*n[ăa]ng/i.test(text.normalize('NFC'))) {
    return stars === 5 ? { stars: 4, potentialFiveStar: true } : null;
  }
  return { stars, potentialFiveStar: false };
}

/** The certifying level implied by the stars under Decision 148/QĐ-TTg. */
export function levelForStars(rating: StarRating): 'district' | 'province' | 'national' {
  if (rating.stars === 5) return 'national';
  return rating.stars === 4 ? 'province' : 'district';
}
