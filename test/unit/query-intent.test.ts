import { describe, expect, it } from 'vitest';
import { readQueryIntent } from '../../src/lib/query-intent.ts';

const PROVINCES = ['An Giang', 'Đồng Tháp', 'Hà Nội', 'Hồ Chí Minh', 'Kiên Giang'];

describe('reading what a query asks', () => {
  it('takes star levels in Vietnamese, English and stars', () => {
    expect(readQueryIntent('mắm 5 sao', PROVINCES)).toEqual({ text: 'mắm', stars: 5 });
    expect(readQueryIntent('4 stars honey', PROVINCES)).toEqual({ text: 'honey', stars: 4 });
    expect(readQueryIntent('rice 3-star', PROVINCES)).toEqual({ text: 'rice', stars: 3 });
    expect(readQueryIntent('★★★★ trà', PROVINCES)).toEqual({ text: 'trà', stars: 4 });
  });

  it('takes a province name, accents optional, and leaves the rest as text', () => {
    expect(readQueryIntent('an giang 5 sao', PROVINCES)).toEqual({ text: '', stars: 5, province: 'An Giang' });
    expect(readQueryIntent('nuoc mam dong thap', PROVINCES)).toEqual({ text: 'nuoc mam', province: 'Đồng Tháp' });
    expect(readQueryIntent('gạo Hồ Chí Minh', PROVINCES)).toEqual({ text: 'gạo', province: 'Hồ Chí Minh' });
  });

  it('leaves ordinary queries alone, numbers and partial names included', () => {
    expect(readQueryIntent('nước mắm 40 độ đậm', PROVINCES)).toEqual({ text: 'nước mắm 40 độ đậm' });
    expect(readQueryIntent('5 sao', [])).toEqual({ text: '', stars: 5 });
    expect(readQueryIntent('giang', PROVINCES)).toEqual({ text: 'giang' });
    expect(readQueryIntent('sao biển', PROVINCES)).toEqual({ text: 'sao biển' });
    expect(readQueryIntent('  ', PROVINCES)).toEqual({ text: '' });
  });
});
