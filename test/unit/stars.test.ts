import { describe, expect, it } from 'vitest';
import { levelForStars, parseStarRating } from '../../src/lib/stars.ts';

describe('parseStarRating', () => {
  it('reads rating cells', () => {
    expect(parseStarRating('4 sao')).toEqual({ stars: 4, potentialFiveStar: false });
    expect(parseStarRating('3 sao')).toEqual({ stars: 3, potentialFiveStar: false });
    expect(parseStarRating('5sao')).toEqual({ stars: 5, potentialFiveStar: false });
  });

  it('reads An Giang section headings', () => {
    expect(parseStarRating('IV. SẢN PHẨM OCOP 3 SAO')).toEqual({ stars: 3, potentialFiveStar: false });
    expect(parseStarRating('III. SẢN PHẨM OCOP 4 SAO')).toEqual({ stars: 4, potentialFiveStar: false });
    expect(parseStarRating('I. SẢN PHẨM OCOP 5 SAO - CẤP QUỐC GIA')).toEqual({ stars: 5, potentialFiveStar: false });
  });

  it('reads "potential five-star" as a 4-star certificate', () => {
    expect(parseStarRating('II. SẢN PHẨM TIỀM NĂNG 5 SAO')).toEqual({ stars: 4, potentialFiveStar: true });
    expect(parseStarRating('Tiềm năng 5 sao')).toEqual({ stars: 4, potentialFiveStar: true });
    expect(parseStarRating('Tiềm năng 5 sao'.normalize('NFD'))).toEqual({ stars: 4, potentialFiveStar: true });
  });

  it('rejects "potential" with anything but five stars', () => {
    expect(parseStarRating('Tiềm năng 4 sao')).toBeNull();
  });

  it('returns null for headings and cells without stars', () => {
    expect(parseStarRating('I')).toBeNull();
    expect(parseStarRating('THÀNH PHỐ PHÚ QUỐC (9 sản phẩm)')).toBeNull();
    expect(parseStarRating('II. HUYỆN HÒN ĐẤT (02 sản phẩm)')).toBeNull();
    expect(parseStarRating('')).toBeNull();
    expect(parseStarRating('2 sao')).toBeNull();
  });
});

describe('levelForStars', () => {
  it('maps 5 stars to national, 4 to province, 3 to district (Decision 148)', () => {
    expect(levelForStars({ stars: 5, potentialFiveStar: false })).toBe('national');
    expect(levelForStars({ stars: 4, potentialFiveStar: false })).toBe('province');
    expect(levelForStars({ stars: 4, potentialFiveStar: true })).toBe('province');
    expect(levelForStars({ stars: 3, potentialFiveStar: false })).toBe('district');
  });
});
