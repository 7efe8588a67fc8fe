import { describe, expect, it } from 'vitest';
import type { AppendixRow } from '../../src/lib/importer/appendix-table.ts';
import {
  applyCorrections,
  buildProducer,
  buildProduct,
  producerId,
  producerKey,
  producerShortName,
  rowKey,
  uniqueSlug,
  type Correction,
} from '../../src/lib/importer/records.ts';
import { loadProvinces } from './helpers.ts';

const provinces = loadProvinces();

const row = (fields: Partial<AppendixRow>): AppendixRow => ({
  section: '',
  number: '1',
  line: 2,
  product: 'Gạo Nàng Hương Kim Thiên Lộc',
  producer: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
  address: 'Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang',
  rating: { stars: 4, potentialFiveStar: false },
  producerFromRowAbove: false,
  ...fields,
});

const kienGiangTable = { document: 'kg-352-2021', listedAsOf: '2020-12-31', province: 'Kiên Giang', section: 'Phụ lục 01', legacyGroups: true, certifiedBy: 'province' } as const;
const anGiangTable = { document: 'ag-95-2024', listedAsOf: '2023-12-31', province: 'An Giang' } as const;

describe('rowKey', () => {
  it('prefixes the section numeral', () => {
    expect(rowKey({ section: 'IV. SẢN PHẨM OCOP 3 SAO', number: '95' })).toBe('IV.95');
    expect(rowKey({ section: 'I. SẢN PHẨM OCOP 5 SAO - CẤP QUỐC GIA', number: '1' })).toBe('I.1');
    expect(rowKey({ section: '', number: '13' })).toBe('13');
  });
});

describe('applyCorrections', () => {
  const corrections: Correction[] = [
    { document: 'ag-95-2024', row: 'IV.95', field: 'product', from: 'Chả các', to: 'Chả cá', reason: 'typo: các for cá' },
    { document: 'kg-352-2021', row: '95', field: 'product', from: 'Chả các', to: 'X', reason: 'other document' },
  ];
  const iv95 = row({ section: 'IV. SẢN PHẨM OCOP 3 SAO', number: '95', product: 'Chả các thát lát rút xương tẩm gia vị' });

  it('fixes the cell and explains the fix', () => {
    const { row: fixed, notes } = applyCorrections(iv95, 'ag-95-2024', corrections);
    expect(fixed.product).toBe('Chả cá thát lát rút xương tẩm gia vị');
    expect(notes).toEqual(['product: "Chả các" corrected to "Chả cá" (typo: các for cá)']);
    expect(iv95.product).toBe('Chả các thát lát rút xương tẩm gia vị');
  });

  it('applies only corrections for the same document and row', () => {
    expect(applyCorrections(iv95, 'kg-352-2021', corrections).notes).toEqual([]);
    expect(applyCorrections({ ...iv95, number: '96' }, 'ag-95-2024', corrections).notes).toEqual([]);
  });

  it('refuses a correction whose text is not in the cell', () => {
    expect(() => applyCorrections({ ...iv95, product: 'Chả cá' }, 'ag-95-2024', corrections)).toThrow(/expects "Chả các"/);
  });
});

describe('producer names', () => {
  it('strips the legal form for short names', () => {
    expect(producerShortName('Công ty TNHH MTV TM&DV Thái Minh Nguyên')).toBe('Thái Minh Nguyên');
    expect(producerShortName('Công ty TNHH SX-TM Gia Bảo')).toBe('Gia Bảo');
    expect(producerShortName('Công ty CPXNK Nguyên Hậu')).toBe('Nguyên Hậu');
    expect(producerShortName('Hộ kinh doanh dâu tằm 2 Thuận')).toBe('dâu tằm 2 Thuận');
    expect(producerShortName('HTX Dệt thổ cẩm Khmer Văn Giáo')).toBe('Dệt thổ cẩm Khmer Văn Giáo');
    expect(producerShortName('Bà Giáo Khoẻ “7777777”')).toBe('Bà Giáo Khoẻ “7777777”');
  });

  it('makes ids of at most 80 characters, cut at a hyphen', () => {
    expect(producerId('Cơ sở Bà Giáo Khỏe 7777777')).toBe('co-so-ba-giao-khoe-7777777');
    const long = producerId('Công ty TNHH MTV Lương thực Thoại Sơn - Công ty CP Tập Đoàn Lộc Trời - Chi nhánh Thoại Sơn An Giang');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect('cong-ty-tnhh-mtv-luong-thuc-thoai-son-cong-ty-cp-tap-doan-loc-troi-chi-nhanh-thoai-son-an-giang').toContain(long);
  });

  it('identifies producers regardless of case and tone-mark placement', () => {
    expect(producerKey('Công ty TNHH MTV Chế biến Thuỷ Hải sản Thanh Tùng')).toBe(producerKey('Công ty TNHH MTV chế biến thủy hải sản Thanh Tùng'));
    expect(producerKey('Hộ kinh doanh Hoà Kiều')).toBe(producerKey('Hộ kinh doanh Hòa Kiều'));
  });
});

describe('uniqueSlug', () => {
  it('uses the name, then adds the producer short name, then a number', () => {
    const taken = new Set<string>();
    const first = uniqueSlug('Nước cốt dâu tằm', 'Hộ kinh doanh Ngọc Thái', taken);
    expect(first).toBe('nuoc-cot-dau-tam');
    taken.add(first);
    const second = uniqueSlug('Nước cốt dâu tằm', 'Hộ kinh doanh dâu tằm 2 Thuận', taken);
    expect(second).toBe('nuoc-cot-dau-tam-dau-tam-2-thuan');
    taken.add(second);
    expect(uniqueSlug('Nước cốt dâu tằm', 'Hộ kinh doanh dâu tằm 2 Thuận', taken)).toBe('nuoc-cot-dau-tam-dau-tam-2-thuan-2');
  });
});

describe('buildProducer', () => {
  it('parses and locates a Kiên Giang producer', () => {
    const producer = buildProducer(row({}), kienGiangTable, provinces, []);
    expect(producer).toEqual({
      id: 'hop-tac-xa-nong-san-huu-co-rach-gia',
      name: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
      kind: 'cooperative',
      address: {
        asWritten: 'Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang',
        street: 'Số 580, đường Phạm Hùng',
        commune: 'phường Vĩnh Lạc',
        district: 'thành phố Rạch Giá',
        province: 'tỉnh Kiên Giang',
        currentProvince: 'An Giang',
      },
      geo: { lat: 10.012, lng: 105.08, precision: 'district' },
      contacts: {},
      source: { document: 'kg-352-2021', section: 'Phụ lục 01', row: '1', notes: [] },
    });
  });

  it('resolves abbreviations through the region files (TP.LX, tỉnh AG, Thọai Sơn)', () => {
    const lx = buildProducer(row({ address: 'Tổ 8, ấp Bình Khánh, xã Mỹ Khánh, TP.LX' }), anGiangTable, provinces, []);
    expect(lx.address).toMatchObject({ district: 'thành phố Long Xuyên', province: 'tỉnh An Giang', currentProvince: 'An Giang' });
    const ts = buildProducer(row({ address: '48 Hùng Vương, TT Núi Sập, Huyện Thọai Sơn, AG' }), anGiangTable, provinces, []);
    expect(ts.address).toMatchObject({ commune: 'thị trấn Núi Sập', district: 'huyện Thoại Sơn', province: 'tỉnh An Giang' });
    expect(ts.geo).toEqual({ lat: 10.3, lng: 105.25, precision: 'district' });
  });

  it('normalises the district unit word to the region file\'s type', () => {
    const producer = buildProducer(row({ address: 'Xã Tân Lập, huyện Tịnh Biên' }), anGiangTable, provinces, []);
    expect(producer.address.district).toBe('thị xã Tịnh Biên');
  });

  it('falls back to the province centroid when no district is known', () => {
    const producer = buildProducer(row({ producer: 'Công ty TNHH Nam Huy', address: 'tỉnh Đồng Tháp' }), { document: 'dt-plan-2023', province: 'Đồng Tháp' }, provinces, []);
    expect(producer.address).toEqual({ asWritten: 'tỉnh Đồng Tháp', province: 'tỉnh Đồng Tháp', currentProvince: 'Đồng Tháp' });
    expect(producer.geo).toEqual({ lat: 10.56, lng: 105.64, precision: 'province' });
  });

  it('throws for a province with no region file', () => {
    expect(() => buildProducer(row({ address: 'xã A, huyện B, tỉnh Atlantis' }), { document: 'ag-95-2024', province: 'Atlantis' }, provinces, [])).toThrow(/unknown province/);
  });
});

describe('buildProduct', () => {
  it('sets level, issuedBy and the inferred group from the table', () => {
    const product = buildProduct(row({ product: 'Rượu nếp Xuân An', rating: { stars: 3, potentialFiveStar: false }, number: '13' }), kienGiangTable, 'cong-ty-x', 'ruou-nep-xuan-an', ['note']);
    expect(product).toEqual({
      name: 'Rượu nếp Xuân An',
      slug: 'ruou-nep-xuan-an',
      stars: 3,
      potentialFiveStar: false,
      group: 'beverages',
      groupInferred: true,
      producer: 'cong-ty-x',
      // Before Decision 148 the province certified 3-star products.
      certificate: { level: 'province', issuedBy: '2020-12-31', status: 'valid' },
      source: { document: 'kg-352-2021', section: 'Phụ lục 01', row: '13', notes: ['note'] },
    });
  });

  it('uses the Decision 148 levels otherwise', () => {
    const three = buildProduct(row({ rating: { stars: 3, potentialFiveStar: false } }), anGiangTable, 'p', 's', []);
    expect(three.certificate).toEqual({ level: 'district', issuedBy: '2023-12-31', status: 'valid' });
    const five = buildProduct(row({ rating: { stars: 5, potentialFiveStar: false } }), anGiangTable, 'p', 's', []);
    expect(five.certificate.level).toBe('national');
    const potential = buildProduct(row({ rating: { stars: 4, potentialFiveStar: true } }), anGiangTable, 'p', 's', []);
    expect(potential).toMatchObject({ stars: 4, potentialFiveStar: true, certificate: { level: 'province' } });
  });

  it('uses the legacy craft group for the 2018-2020 list', () => {
    expect(buildProduct(row({ product: 'Giỏ xách cỏ bàng' }), kienGiangTable, 'p', 's', []).group).toBe('handicrafts-decoration');
    expect(buildProduct(row({ product: 'Giỏ xách cỏ bàng' }), anGiangTable, 'p', 's', []).group).toBe('souvenirs-furniture-decoration');
  });
});
