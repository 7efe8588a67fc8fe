import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify, stripDiacritics, tidySpaces } from '../../src/lib/text.ts';

describe('stripDiacritics', () => {
  it('removes tone and vowel marks but keeps case', () => {
    expect(stripDiacritics('Đường thốt nốt')).toBe('Duong thot not');
    expect(stripDiacritics('Ấp Cả Ngay')).toBe('Ap Ca Ngay');
    expect(stripDiacritics('ăâêôơư ẮẦẺỖỢỪ')).toBe('aaeoou AAEOOU');
  });

  it('folds đ and Đ, which Unicode decomposition leaves alone', () => {
    expect(stripDiacritics('đ')).toBe('d');
    expect(stripDiacritics('Đ')).toBe('D');
    expect(stripDiacritics('Đồng Tháp')).toBe('Dong Thap');
  });

  it('treats precomposed and decomposed input the same', () => {
    const nfd = 'Thoại Sơn'.normalize('NFD');
    expect(stripDiacritics(nfd)).toBe('Thoai Son');
  });
});

describe('foldVietnamese', () => {
  it('lower-cases and removes all marks', () => {
    expect(foldVietnamese('Đường thốt nốt')).toBe('duong thot not');
    expect(foldVietnamese('ĐỒNG THÁP')).toBe('dong thap');
  });

  it('makes tone-mark placement variants equal ("Hòa"/"Hoà", "Thọai"/"Thoại")', () => {
    expect(foldVietnamese('Khánh Hòa')).toBe(foldVietnamese('Khánh Hoà'));
    expect(foldVietnamese('Thọai Sơn')).toBe(foldVietnamese('Thoại Sơn'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('thủy'));
  });

  it('collapses runs of white space (spaces, tabs, newlines, NBSP) and trims', () => {
    expect(foldVietnamese('  Nước \t mắm\n\n Phú\u00a0Quốc  ')).toBe('nuoc mam phu quoc');
  });
});

describe('slugify', () => {
  it('makes URL slugs from Vietnamese names', () => {
    expect(slugify('Nước mắm 40 độ đạm')).toBe('nuoc-mam-40-do-dam');
    expect(slugify('Đường thốt nốt')).toBe('duong-thot-not');
  });

  it('joins with single hyphens and trims punctuation at both ends', () => {
    expect(slugify('  Lò mò Pđăm (khô bò)  ')).toBe('lo-mo-pdam-kho-bo');
    expect(slugify('Công ty TNHH MTV TM&DV Thái Minh Nguyên')).toBe('cong-ty-tnhh-mtv-tm-dv-thai-minh-nguyen');
    expect(slugify('Bà Giáo Khoẻ “7777777”')).toBe('ba-giao-khoe-7777777');
    expect(slugify('--Sà   rông--')).toBe('sa-rong');
  });

  it('produces only lower-case ASCII letters, digits and inner hyphens', () => {
    const slug = slugify('Nước khoáng thiên nhiên SM (Seven Mountains) — 500ml / chai');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug).toBe('nuoc-khoang-thien-nhien-sm-seven-mountains-500ml-chai');
  });
});

describe('tidySpaces', () => {
  it('collapses white space but keeps marks and case', () => {
    expect(tidySpaces('  Hộ kinh doanh\n  Ngọc   Thái ')).toBe('Hộ kinh doanh Ngọc Thái');
  });
});
