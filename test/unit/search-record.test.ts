import { describe, expect, it } from 'vitest';
import { foldedExtras, productKindWords, searchRecordHtml, vietnameseNameParts, type SearchRecord } from '../../src/lib/search-record.ts';

const record: SearchRecord = {
  url: '/san-pham/duong-thot-not/',
  locale: 'vi',
  title: 'Đường thốt nốt <đặc biệt>',
  kind: 'Đường thốt nốt <đặc biệt>',
  lead: 'Đường',
  names: ['Palm sugar'],
  context: ['Thực phẩm', 'HTX Đông Hòa', 'Tri Tôn, An Giang'],
  filters: { stars: '3 sao', district: undefined },
  sort: { name: 'duong thot not' },
  meta: { image: '/_image?a=1&b=2', stars: '3' },
};

describe('search records', () => {
  it('folds only the words that hold đ, once each (Pagefind ignores tone marks itself)', () => {
    expect(foldedExtras(['Đường thốt nốt đặc biệt', 'HTX Đông Hòa', 'đường'])).toEqual(['duong', 'dac', 'dong']);
    expect(foldedExtras(['Mật ong'])).toEqual([]);
  });

  it('reads the kind of product from the leading words of its name', () => {
    expect(productKindWords('Trà Hoa đậu biếc')).toBe('Trà');
    expect(productKindWords('Rượu gạo Công chuẩn')).toBe('Rượu gạo');
    expect(productKindWords('Mật ong hoa tràm nguyên chất Rừng tràm Trà sư')).toBe('Mật ong hoa tràm nguyên chất');
    expect(productKindWords('Khô cá lóc 7 chóp')).toBe('Khô cá lóc');
    expect(productKindWords('Tương xay')).toBe('Tương xay');
  });

  it('cuts a Vietnamese name into its kind, head word and the rest', () => {
    expect(vietnameseNameParts('Gạo lứt đen Kim Thiên Lộc')).toEqual({ kind: 'Gạo lứt đen', lead: 'Gạo', rest: 'Kim Thiên Lộc' });
    expect(vietnameseNameParts('Tương xay')).toEqual({ kind: 'Tương xay', lead: 'Tương', rest: '' });
  });

  it('weights the kind of product above its other names, and those and folded words above context', () => {
    const html = searchRecordHtml({ ...record, title: 'Palm sugar', kind: 'Palm sugar', lead: undefined, names: ['Đường thốt nốt đặc biệt Đông Hòa'] });
    const weight = (text: string) => Number(new RegExp(`data-pagefind-weight="(\\d+)">${text}<`).exec(html)?.[1]);
    expect(weight('Palm sugar')).toBe(10);
    expect(weight('Đường thốt nốt đặc biệt Đông Hòa')).toBeLessThan(10);
    expect(weight('Đường thốt nốt đặc biệt Đông Hòa')).toBeGreaterThan(weight('HTX Đông Hòa'));
    expect(weight('duong dac dong')).toBeGreaterThan(weight('HTX Đông Hòa'));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<span data-pagefind-meta="title">Palm sugar</span>');
  });

  it('weights the English names of an English record above the brand and place of a Vietnamese one', () => {
    const weightOf = (html: string) => Number(/data-pagefind-weight="(\d+)">Palm sugar</.exec(html)?.[1]);
    expect(weightOf(searchRecordHtml({ ...record, locale: 'en', names: ['Palm sugar'] }))).toBeGreaterThan(weightOf(searchRecordHtml({ ...record, names: ['Palm sugar'] })));
  });

  it('counts the head word once more when there is one', () => {
    const html = searchRecordHtml(record);
    expect(html).toContain('<p data-pagefind-weight="10">Đường</p>');
    expect(searchRecordHtml({ ...record, lead: undefined })).not.toContain('>Đường</p>');
  });

  it('keeps filters, sort keys and metadata out of the indexed body, escaped, and leaves out empty filters', () => {
    const html = searchRecordHtml(record);
    const [body, outside] = html.split('</main>');
    expect(body).not.toContain('data-pagefind-filter');
    expect(outside).toContain('<span data-pagefind-filter="stars">3 sao</span>');
    expect(outside).not.toContain('data-pagefind-filter="district"');
    expect(outside).toContain('<span data-pagefind-sort="name">duong thot not</span>');
    expect(outside).toContain('<span data-pagefind-meta="image">/_image?a=1&amp;b=2</span>');
    expect(body).toContain('Đường thốt nốt &lt;đặc biệt&gt;');
  });
});
