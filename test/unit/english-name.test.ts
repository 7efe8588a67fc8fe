import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  GlossaryError,
  deriveEnglishName,
  englishName,
  englishUnit,
  englishWithVietnamese,
  parseGlossary,
  uncoveredWords,
} from '../../src/lib/english-name.ts';
import { loadGlossaryFile, productNameCoverage } from '../../scripts/lib/glossary-coverage.ts';
import { ROOT } from './helpers.ts';

const glossary = parseGlossary(`
terms:
  - { vi: mật thốt nốt, en: palm sugar }
  - { vi: dạng bột, en: powder, place: last }
  - { vi: nước mắm, en: fish sauce }
  - { vi: nước mắm cá linh, en: linh fish sauce }
  - { vi: mắm, en: fermented, place: first }
  - { vi: cá linh, en: linh fish }
  - { vi: gạo lứt, en: brown rice }
  - { vi: đen, en: black }
  - { vi: thốt nốt, en: palm sugar }
  - { vi: đường thốt nốt, en: palm sugar }
names: [Kim Thiên Lộc, Thốt Nốt]
units:
  - { vi: chai, en: bottle, kind: container }
  - { vi: hộp, en: box, kind: container }
  - { vi: ml, en: ml, kind: measure }
  - { vi: túi lọc, en: tea bags, kind: count }
`);

describe('deriveEnglishName', () => {
  it('reads the parts right to left, with pinned places and names in front', () => {
    expect(deriveEnglishName('Mật thốt nốt dạng bột', glossary)).toBe('Palm sugar powder');
    expect(deriveEnglishName('Mắm cá Linh', glossary)).toBe('Fermented linh fish');
    expect(deriveEnglishName('Gạo lứt đen Kim Thiên Lộc', glossary)).toBe('Kim Thiên Lộc black brown rice');
  });

  it('takes the longest match first', () => {
    expect(deriveEnglishName('Nước mắm cá linh', glossary)).toBe('Linh fish sauce');
    expect(deriveEnglishName('Nước mắm', glossary)).toBe('Fish sauce');
  });

  it('matches names as written and terms in any case', () => {
    expect(deriveEnglishName('ĐƯỜNG THỐT NỐT', glossary)).toBe('Palm sugar');
    // "Thốt Nốt" the district is a name; "thốt nốt" the palm is a term.
    expect(deriveEnglishName('Đường thốt nốt Thốt Nốt', glossary)).toBe('Thốt Nốt palm sugar');
  });

  it('gives nothing half-translated and names the unknown words', () => {
    expect(deriveEnglishName('Mật thốt nốt hảo hạng', glossary)).toBeUndefined();
    expect(uncoveredWords('Mật thốt nốt hảo hạng', glossary)).toEqual(['hảo', 'hạng']);
    expect(uncoveredWords('Mật thốt nốt dạng bột', glossary)).toEqual([]);
  });
});

describe('englishName', () => {
  it('lets a written nameEn win over the glossary', () => {
    expect(englishName('Mật thốt nốt dạng bót', 'Palmania sugar powder', glossary)).toEqual({ name: 'Palmania sugar powder', derived: false });
    expect(englishName('Mật thốt nốt dạng bột', undefined, glossary)).toEqual({ name: 'Palm sugar powder', derived: true });
    expect(englishName('Bánh lạ', '  ', glossary)).toBeUndefined();
  });

  it('writes one line with the Vietnamese for single-string places', () => {
    expect(englishWithVietnamese(englishName('Mật thốt nốt dạng bột', undefined, glossary), 'Mật thốt nốt dạng bột')).toBe('Palm sugar powder (Mật thốt nốt dạng bột)');
    expect(englishWithVietnamese(undefined, 'Bánh lạ')).toBe('Bánh lạ');
  });
});

describe('englishUnit', () => {
  it('puts measures before the container and counts after it', () => {
    expect(englishUnit('chai 500 ml', glossary)).toBe('500 ml bottle');
    expect(englishUnit('hộp 20 túi lọc', glossary)).toBe('box of 20 tea bags');
    expect(englishUnit('chai', glossary)).toBe('bottle');
  });

  it('keeps a unit it cannot read as written', () => {
    expect(englishUnit('bó 3 cây', glossary)).toBe('bó 3 cây');
  });
});

describe('parseGlossary', () => {
  it('names the file and the field of a mistake', () => {
    expect(() => parseGlossary('terms:\n  - { vi: trà }\n', 'terms.yaml')).toThrow(/terms\.yaml[\s\S]*terms\[0\]\.en/);
    expect(() => parseGlossary('terms:\n  - { vi: trà, en: tea, place: middle }\n', 'terms.yaml')).toThrow(/terms\[0\]\.place: place must be/);
    expect(() => parseGlossary('terms: [\n', 'terms.yaml')).toThrow(GlossaryError);
  });

  it('refuses a term given twice', () => {
    expect(() => parseGlossary('terms:\n  - { vi: Trà, en: tea }\n  - { vi: trà, en: leaf tea }\n')).toThrow(/terms\[1\]\.vi: "trà" is already given at terms\[0\]/);
  });
});

describe('the catalogue', () => {
  it('gives every product an English name, written or derived from content/glossary/terms.yaml', () => {
    const coverage = productNameCoverage(path.join(ROOT, 'content'), loadGlossaryFile(path.join(ROOT, 'content')));
    expect(coverage.length).toBeGreaterThanOrEqual(130);
    expect(coverage.filter((c) => !c.english).map((c) => `${c.file}: ${c.name} (${c.unknown.join(', ')})`)).toEqual([]);
  });
});
