import { describe, expect, it } from 'vitest';
import { buildVocabulary, correctSpelling, editDistance } from '../../src/lib/search-spelling.ts';

const vocabulary = buildVocabulary([
  'Nước mắm 30 độ đậm',
  'Nước mắm cá linh',
  'Hợp tác xã Phú Quốc, Kiên Giang',
  'Hồ tiêu Phú Quốc',
  'Trà Hoa đậu biếc',
  'Rượu gạo Công chuẩn',
]);

describe('typo tolerance', () => {
  it('counts added, dropped, changed and swapped letters, up to a limit', () => {
    expect(editDistance('quok', 'quoc', 2)).toBe(1);
    expect(editDistance('nouc', 'nuoc', 2)).toBe(1);
    expect(editDistance('ngoc', 'nuoc', 2)).toBe(1);
    expect(editDistance('mam', 'mam', 2)).toBe(0);
    expect(editDistance('tra', 'traxyz', 2)).toBe(3);
  });

  it('replaces a word the catalogue lacks by the nearest one it holds, as written there', () => {
    expect(correctSpelling('nuoc mam phu quok', vocabulary)).toEqual({ text: 'nuoc mam phu quốc', corrections: [{ from: 'quok', to: 'quốc' }] });
    expect(correctSpelling('nouc mam', vocabulary).text).toBe('nước mam');
  });

  it('leaves known words, short words, numbers and a word still being typed alone', () => {
    expect(correctSpelling('Nước MẮM', vocabulary).corrections).toEqual([]);
    expect(correctSpelling('xy 30', vocabulary).corrections).toEqual([]);
    expect(correctSpelling('nuoc mam qu', vocabulary).corrections).toEqual([]);
    expect(correctSpelling('tra hoa dau bie', vocabulary).corrections).toEqual([]);
    // The same unfinished word before the last one was not being typed: it is corrected.
    expect(correctSpelling('bie dau', vocabulary).corrections).toEqual([{ from: 'bie', to: 'biếc' }]);
  });

  it('keeps a word nothing is near, for the engine to find nothing', () => {
    expect(correctSpelling('zzzz', vocabulary)).toEqual({ text: 'zzzz', corrections: [] });
  });

  it('prefers the most common of equally near words', () => {
    const words = buildVocabulary(['mắm cá', 'mắm tôm', 'mắm ruốc', 'mâm xôi']);
    expect(correctSpelling('mamx', words).text).toBe('mắm');
  });
});
