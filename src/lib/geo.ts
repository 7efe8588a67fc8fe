/** Vietnam's extent, islands included, used to reject coordinates that cannot be in the country. */
export const VIETNAM_BOUNDS = { minLat: 8.1, maxLat: 23.4, minLng: 102.1, maxLng: 117.9 } as const;

export const GEO_PRECISIONS = ['exact', 'commune', 'district', 'province'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export interface GeoPoint {
  lat: number;
  lng: number;
}

export function isLatitudeInVietnam(lat: number): boolean {
  return lat >= VIETNAM_BOUNDS.minLat && lat <= VIETNAM_BOUNDS.maxLat;
}

export function isLongitudeInVietnam(lng: number): boolean {
  return lng >= VIETNAM_BOUNDS.minLng && lng <= VIETNAM_BOUNDS.maxLng;
}
