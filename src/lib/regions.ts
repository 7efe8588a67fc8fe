import { foldVietnamese } from './text.ts';
import type { GeoPoint } from './geo.ts';

/** Administrative units as they were before the 2025 reorganisation, with today's province. */
export interface District {
  code: string;
  name: string;
  type: 'city' | 'town' | 'district';
  centroid: GeoPoint;
  aliases?: string[];
}

export interface Province {
  id: string;
  code: string;
  name: string;
  centroid: GeoPoint;
  after2025: { province: string; note?: string };
  districts: District[];
}

/** Unit words as certificates write them, by district type. */
export const DISTRICT_UNIT_WORD: Record<District['type'], string> = {
  city: 'thành phố',
  town: 'thị xã',
  district: 'huyện',
};

const sameName = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

/** Finds a province by its name before or after 2025 ("Kiên Giang" and "An Giang" both resolve). */
export function findProvince(provinces: readonly Province[], name: string): Province | undefined {
  const bare = name.replace(/^tỉnh\s+/i, '');
  if (/^ag$/i.test(bare.trim())) return provinces.find((p) => sameName(p.name, 'An Giang'));
  return provinces.find((province) => sameName(province.name, bare));
}

/** Every pre-2025 province that today forms part of the province called `name`. */
export function provincesNowIn(provinces: readonly Province[], name: string): Province[] {
  return provinces.filter((province) => sameName(province.after2025.province, name));
}

/** Today's province for a province named on a certificate. */
export function currentProvinceName(provinces: readonly Province[], certifiedName: string): string | undefined {
  return findProvince(provinces, certifiedName)?.after2025.province;
}

/** Finds a district of `province` by name or alias, ignoring case, tone marks and the unit word. */
export function findDistrict(province: Province, name: string): District | undefined {
  const bare = foldVietnamese(name).replace(/^(huyen|thi xa|thanh pho|tp\.?|tx\.?)\s*/, '');
  return province.districts.find(
    (district) =>
      foldVietnamese(district.name) === bare ||
      (district.aliases ?? []).some((alias) => foldVietnamese(alias) === bare),
  );
}

/** Finds the district named anywhere in free text, for addresses that omit the unit word. */
export function findDistrictInText(province: Province, text: string): District | undefined {
  const folded = ` ${foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return province.districts.find((district) =>
    [district.name, ...(district.aliases ?? [])].some((name) => folded.includes(` ${foldVietnamese(name)} `)),
  );
}
