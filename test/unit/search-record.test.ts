import { describe, expect, it } from 'vitest';
import { foldedExtras, searchRecordHtml, type SearchRecord } from '../../src/lib/search-record.ts';

const record: SearchRecord = {
  url: '/san-pham/duong-thot-not/',
  locale: 'vi',
  title: 'Đường thốt nốt <đặc biệt>',
  otherNames: ['Palm sugar'],
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

  it('weights the name above other names, folded words and context', () => {
    const html = searchRecordHtml(record);
    const weight = (text: string) => new RegExp(`data-pagefind-weight="(\\d+)">${text}`).exec(html)?.[1];
    expect(Number(weight('Đường thốt nốt'))).toBeGreaterThan(Number(weight('Palm sugar')));
    expect(Number(weight('Palm sugar'))).toBeGreaterThan(Number(weight('duong dac dong')));
    expect(Number(weight('duong dac dong'))).toBeGreaterThan(Number(weight('HTX Đông Hòa')));
    expect(html).toContain('<html lang="vi">');
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
