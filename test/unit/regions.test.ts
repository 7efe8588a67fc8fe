import { describe, expect, it } from 'vitest';
import {
  DISTRICT_UNIT_WORD,
  currentProvinceName,
  findDistrict,
  findDistrictInText,
  findProvince,
  provincesNowIn,
} from '../../src/lib/regions.ts';
import { loadProvinces } from './helpers.ts';

const provinces = loadProvinces();
const anGiang = findProvince(provinces, 'An Giang')!;
const kienGiang = findProvince(provinces, 'Kiên Giang')!;

describe('findProvince', () => {
  it('finds provinces by their pre-2025 name, with or without "tỉnh" and tone marks', () => {
    expect(kienGiang.id).toBe('kien-giang');
    expect(kienGiang.code).toBe('91');
    expect(findProvince(provinces, 'tỉnh Kiên Giang')?.id).toBe('kien-giang');
    expect(findProvince(provinces, 'Tỉnh KIÊN GIANG')?.id).toBe('kien-giang');
    expect(findProvince(provinces, 'kien giang')?.id).toBe('kien-giang');
    expect(findProvince(provinces, 'Đồng Tháp')?.id).toBe('dong-thap');
  });

  it('knows where a pre-2025 province is today', () => {
    expect(kienGiang.after2025.province).toBe('An Giang');
    expect(findProvince(provinces, 'Tiền Giang')?.after2025.province).toBe('Đồng Tháp');
    expect(currentProvinceName(provinces, 'tỉnh Kiên Giang')).toBe('An Giang');
    expect(currentProvinceName(provinces, 'Bắc Giang')).toBe('Bắc Ninh');
    expect(currentProvinceName(provinces, 'Atlantis')).toBeUndefined();
  });

  it('reads the abbreviation AG as An Giang', () => {
    expect(findProvince(provinces, 'AG')?.id).toBe('an-giang');
    expect(findProvince(provinces, 'tỉnh AG')?.id).toBe('an-giang');
  });

  it('returns undefined for provinces not in content/regions', () => {
    expect(findProvince(provinces, 'Atlantis')).toBeUndefined();
    expect(findProvince(provinces, 'Giang')).toBeUndefined();
  });
});

describe('provincesNowIn', () => {
  it('lists every pre-2025 province inside today\'s province', () => {
    expect(provincesNowIn(provinces, 'An Giang').map((p) => p.name).sort()).toEqual(['An Giang', 'Kiên Giang']);
    expect(provincesNowIn(provinces, 'Đồng Tháp').map((p) => p.name).sort()).toEqual(['Tiền Giang', 'Đồng Tháp']);
    expect(provincesNowIn(provinces, 'bac ninh').map((p) => p.name).sort()).toEqual(['Bắc Giang', 'Bắc Ninh']);
    expect(provincesNowIn(provinces, 'Kiên Giang')).toEqual([]);
  });
});

describe('findDistrict', () => {
  it('ignores the unit word (full or abbreviated), case and tone marks', () => {
    expect(findDistrict(anGiang, 'thành phố Long Xuyên')?.code).toBe('883');
    expect(findDistrict(anGiang, 'TP. Long Xuyên')?.code).toBe('883');
    expect(findDistrict(anGiang, 'Tp Long xuyên')?.code).toBe('883');
    expect(findDistrict(anGiang, 'Tx. Tân Châu')?.code).toBe('887');
    expect(findDistrict(anGiang, 'thị xã Tịnh Biên')?.code).toBe('890');
    // The source also calls Tịnh Biên a "huyện"; the unit word is not checked against the type.
    expect(findDistrict(anGiang, 'huyện Tịnh Biên')?.code).toBe('890');
  });

  it('resolves aliases', () => {
    expect(findDistrict(anGiang, 'LX')?.name).toBe('Long Xuyên');
    expect(findDistrict(anGiang, 'thành phố LX')?.name).toBe('Long Xuyên');
  });

  it('matches tone-mark variants ("Thọai Sơn", "Thoại sơn")', () => {
    expect(findDistrict(anGiang, 'Thọai Sơn')?.code).toBe('894');
    expect(findDistrict(anGiang, 'huyện Thoại sơn')?.code).toBe('894');
  });

  it('only looks inside the given province', () => {
    expect(findDistrict(anGiang, 'Châu Thành')?.code).toBe('892');
    expect(findDistrict(kienGiang, 'Châu Thành')?.code).toBe('905');
    expect(findDistrict(anGiang, 'Rạch Giá')).toBeUndefined();
    expect(findDistrict(kienGiang, 'TP. Rạch Giá')?.type).toBe('city');
  });

  it('unit words for district types read like certificates', () => {
    const tanChau = findDistrict(anGiang, 'Tân Châu')!;
    expect(`${DISTRICT_UNIT_WORD[tanChau.type]} ${tanChau.name}`).toBe('thị xã Tân Châu');
    const giongRieng = findDistrict(kienGiang, 'Giồng Riềng')!;
    expect(`${DISTRICT_UNIT_WORD[giongRieng.type]} ${giongRieng.name}`).toBe('huyện Giồng Riềng');
  });
});

describe('findDistrictInText', () => {
  it('finds a district named without its unit word', () => {
    expect(findDistrictInText(anGiang, 'TT. Phú Hòa, Thoại Sơn, An Giang')?.name).toBe('Thoại Sơn');
    expect(findDistrictInText(anGiang, 'Long Phú 2, Long Điền B, Chợ Mới, tỉnh An Giang')?.name).toBe('Chợ Mới');
  });

  it('finds aliases as whole words', () => {
    expect(findDistrictInText(anGiang, 'Tổ 8, ấp Bình Khánh, xã Mỹ Khánh, TP.LX')?.name).toBe('Long Xuyên');
  });

  it('matches whole words only, and returns undefined when no district is named', () => {
    expect(findDistrictInText(anGiang, 'tỉnh An Giang')).toBeUndefined();
    // The commune "Châu Phú B" contains the name of another district; the district is Châu Đốc.
    expect(
      findDistrictInText(anGiang, 'Số 131 đường Hoàng Diệu, phường Châu Phú B, thành phố Châu Đốc')?.name,
    ).toBe('Châu Đốc');
    expect(findDistrictInText(anGiang, 'xã Khánh An, huyện An Phú')?.name).toBe('An Phú');
    expect(findDistrictInText(kienGiang, 'xã Tân Hiệp A, huyện Tân Hiệp')?.name).toBe('Tân Hiệp');
  });
});
