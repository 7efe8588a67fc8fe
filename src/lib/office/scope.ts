/**
 * Which province an office account covers. An account belongs to one of today's provinces (after
 * the 2025 merger: an An Giang account also covers entries certified in former Kiên Giang), or to
 * the national team, which covers all.
 */
export const NATIONAL = '*';

export interface OfficeScope {
  /** Today's province name ("An Giang"), or NATIONAL. */
  province: string;
}

export const isNational = (scope: OfficeScope) => scope.province === NATIONAL;

/** Whether the account may see and change an entry of `province` (today's province of the entry). */
export function covers(scope: OfficeScope, province: string | undefined): boolean {
  return isNational(scope) || (province !== undefined && province === scope.province);
}

export interface RegionForScope {
  id: string;
  name: string;
  after2025: { province: string };
}

/**
 * The province an invitation names by region id (`an-giang`, or a former province such as
 * `kien-giang`, which means today's An Giang); undefined when no region has that id.
 */
export function provinceForRegion(regions: readonly RegionForScope[], id: string): string | undefined {
  return regions.find((region) => region.id === id)?.after2025.province;
}
