import { describe, expect, it } from 'vitest';
import { parseAddress, placeName } from '../../src/lib/address.ts';

/** Addresses copied from the seed tables (scripts/seeds/*.csv) and the source reports they transcribe. */
describe('parseAddress on seed addresses', () => {
  it('reads a Kiên Giang address with abbreviations and "- Kiên Giang"', () => {
    expect(parseAddress('Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang')).toEqual({
      street: 'Số 580, đường Phạm Hùng',
      commune: 'phường Vĩnh Lạc',
      district: 'thành phố Rạch Giá',
      province: 'tỉnh Kiên Giang',
    });
  });

  it('splits a hamlet written after the house number without a comma', () => {
    expect(parseAddress('Số 1328 ấp Thạnh Trung, xã Thạnh Hưng, huyện Giồng Riềng- Kiên Giang')).toEqual({
      street: 'Số 1328',
      hamlet: 'ấp Thạnh Trung',
      commune: 'xã Thạnh Hưng',
      district: 'huyện Giồng Riềng',
      province: 'tỉnh Kiên Giang',
    });
  });

  it('keeps "Tổ" in the street part and expands TP. without a space (TP.LX)', () => {
    expect(parseAddress('Tổ 8, ấp Bình Khánh, xã Mỹ Khánh, TP.LX')).toEqual({
      street: 'Tổ 8',
      hamlet: 'ấp Bình Khánh',
      commune: 'xã Mỹ Khánh',
      // The abbreviated name stays as written; regions.findDistrict resolves the alias LX.
      district: 'thành phố LX',
    });
  });

  it('reads bare district and province names by their position', () => {
    expect(parseAddress('TT. Phú Hòa, Thoại Sơn, An Giang')).toEqual({
      commune: 'thị trấn Phú Hòa',
      district: 'Thoại Sơn',
      province: 'tỉnh An Giang',
    });
    expect(parseAddress('xã Tân Tuyến, Tri Tôn, tỉnh An Giang')).toEqual({
      commune: 'xã Tân Tuyến',
      district: 'Tri Tôn',
      province: 'tỉnh An Giang',
    });
  });

  it('reads a bare commune before the district and a bare hamlet before the commune', () => {
    expect(parseAddress('Vĩnh Trạch, huyện Thoại Sơn, tỉnh An Giang')).toEqual({
      commune: 'Vĩnh Trạch',
      district: 'huyện Thoại Sơn',
      province: 'tỉnh An Giang',
    });
    expect(parseAddress('Tân Hiệp A, Thị trấn Óc Eo, Huyện Thoại sơn, tỉnh An Giang')).toEqual({
      hamlet: 'Tân Hiệp A',
      commune: 'thị trấn Óc Eo',
      district: 'huyện Thoại sơn',
      province: 'tỉnh An Giang',
    });
    expect(parseAddress('Trung phú 4, xã Vĩnh Phú, huyện Thoại Sơn, Tỉnh AG')).toMatchObject({
      hamlet: 'Trung phú 4',
      commune: 'xã Vĩnh Phú',
      district: 'huyện Thoại Sơn',
    });
  });

  it('lower-cases capitalised unit words and expands TT without a dot', () => {
    expect(parseAddress('48 Hùng Vương, TT Núi Sập, Huyện Thọai Sơn, AG')).toEqual({
      street: '48 Hùng Vương',
      commune: 'thị trấn Núi Sập',
      district: 'huyện Thọai Sơn',
      province: 'tỉnh AG',
    });
    expect(parseAddress('Khóm Mỹ Lương, Thị trấn Phú Mỹ, huyện Phú Tân, tỉnh An Giang')).toEqual({
      hamlet: 'khóm Mỹ Lương',
      commune: 'thị trấn Phú Mỹ',
      district: 'huyện Phú Tân',
      province: 'tỉnh An Giang',
    });
  });

  it('does not split house-number ranges or dates in street names', () => {
    expect(parseAddress('69-71-73 Nguyễn Huệ, phường Mỹ Long, thành phố Long Xuyên')).toEqual({
      street: '69-71-73 Nguyễn Huệ',
      commune: 'phường Mỹ Long',
      district: 'thành phố Long Xuyên',
    });
    expect(parseAddress('Số 289 đường 30/4, P. Dương Đông, TP. Phú Quốc- Kiên Giang')).toEqual({
      street: 'Số 289 đường 30/4',
      commune: 'phường Dương Đông',
      district: 'thành phố Phú Quốc',
      province: 'tỉnh Kiên Giang',
    });
    expect(parseAddress('Số S72-74, ấp Kinh 8A, xã Thạnh Đông, huyện Tân Hiệp- Kiên Giang')).toMatchObject({
      street: 'Số S72-74',
      hamlet: 'ấp Kinh 8A',
    });
  });

  it('reads "Áp" (typo for Ấp) as a hamlet, a trailing full stop, and "khóm"', () => {
    expect(parseAddress('Áp Cả Ngay, xã Phú Lợi, huyện Giang Thành- Kiên Giang').hamlet).toBe('ấp Cả Ngay');
    expect(parseAddress('phường Núi Sam, thành phố Châu Đốc, tỉnh An Giang.')).toEqual({
      commune: 'phường Núi Sam',
      district: 'thành phố Châu Đốc',
      province: 'tỉnh An Giang',
    });
    expect(parseAddress('Số 550 Trần Phú, khóm Long Châu, phường Long Châu, thị xã Tân Châu')).toEqual({
      street: 'Số 550 Trần Phú',
      hamlet: 'khóm Long Châu',
      commune: 'phường Long Châu',
      district: 'thị xã Tân Châu',
    });
  });

  it('strips an "Địa chỉ:" prefix and a street with a comma inside', () => {
    expect(parseAddress('Địa chỉ: Số 1018-1020, đường Tôn Đức Thắng, phường Vĩnh Mỹ, Thành phố Châu Đốc')).toEqual({
      street: 'Số 1018-1020, đường Tôn Đức Thắng',
      commune: 'phường Vĩnh Mỹ',
      district: 'thành phố Châu Đốc',
    });
  });

  it('reads land-parcel and khu phố forms from the Kiên Giang report', () => {
    expect(
      parseAddress('Thửa đất số 90, tờ bản đồ số 90, tờ 1, áp 7, thị trấn An Thới, thành phố Phú Quốc, tỉnh Kiên Giang'),
    ).toEqual({
      street: 'Thửa đất số 90, tờ bản đồ số 90, tờ 1',
      hamlet: 'ấp 7',
      commune: 'thị trấn An Thới',
      district: 'thành phố Phú Quốc',
      province: 'tỉnh Kiên Giang',
    });
    expect(parseAddress('Số 35 đường 3/2, Kp Phước Trung 1, TT Gò Quao, huyện Gò Quao, tỉnh Kiên Giang')).toEqual({
      street: 'Số 35 đường 3/2',
      hamlet: 'khu phố Phước Trung 1',
      commune: 'thị trấn Gò Quao',
      district: 'huyện Gò Quao',
      province: 'tỉnh Kiên Giang',
    });
  });

  it('uses the default province only when the address names none', () => {
    expect(parseAddress('Ấp Sơn Lập, xã Vọng Đông, huyện Thoại Sơn', 'An Giang')).toEqual({
      hamlet: 'ấp Sơn Lập',
      commune: 'xã Vọng Đông',
      district: 'huyện Thoại Sơn',
      province: 'tỉnh An Giang',
    });
    expect(parseAddress('Số 52, ấp Xoa Áo, xã Thuận Yên, TP. Hà Tiên- Kiên Giang', 'An Giang').province).toBe('tỉnh Kiên Giang');
    expect(parseAddress('tỉnh Đồng Tháp', 'Đồng Tháp')).toEqual({ province: 'tỉnh Đồng Tháp' });
  });

  // BUG (src/lib/address.ts): three bare segments before "tỉnh …" all land in `street`. The position
  // rule only looks for a following district or commune, so "Chợ Mới" (the segment just before the
  // province) is not taken as the district. An Giang Appendix II row IV.52. The importer still finds
  // the district through findDistrictInText, but the stored address has no hamlet/commune/district.
  it.fails('reads "Long Phú 2, Long Điền B, Chợ Mới, tỉnh An Giang" as hamlet, commune, district', () => {
    expect(parseAddress('Long Phú 2, Long Điền B, Chợ Mới, tỉnh An Giang')).toEqual({
      hamlet: 'Long Phú 2',
      commune: 'Long Điền B',
      district: 'Chợ Mới',
      province: 'tỉnh An Giang',
    });
  });
});

describe('placeName', () => {
  it('drops the unit word', () => {
    expect(placeName('thị xã Tân Châu')).toBe('Tân Châu');
    expect(placeName('thành phố Long Xuyên')).toBe('Long Xuyên');
    expect(placeName('huyện  Giồng Riềng')).toBe('Giồng Riềng');
    expect(placeName('Thoại Sơn')).toBe('Thoại Sơn');
  });
});
