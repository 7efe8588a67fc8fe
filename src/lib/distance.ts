import type { GeoPoint } from './geo.ts';

/** Mean Earth radius (IUGG), in kilometres. */
const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine: accurate enough at the scale of a country). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Nearby<T> {
  item: T;
  km: number;
}

/** The `count` items closest to `origin`, nearest first; ties keep the items' original order. */
export function nearest<T>(origin: GeoPoint, items: readonly T[], count: number, position: (item: T) => GeoPoint): Nearby<T>[] {
  return items
    .map((item) => ({ item, km: haversineKm(origin, position(item)) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, Math.max(0, count));
}
