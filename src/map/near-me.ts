import { nearest, type Nearby } from '../lib/distance.ts';
import type { GeoPoint } from '../lib/geo.ts';
import type { MapFeature } from '../lib/map-features.ts';
import { escapeHtml, type PointText } from '../lib/map-popup.ts';
import { producerPath } from '../lib/paths.ts';

const positionOf = (feature: MapFeature): GeoPoint => ({ lat: feature.geometry.coordinates[1], lng: feature.geometry.coordinates[0] });

/** The `count` places nearest to `origin`, nearest first. */
export const nearestPlaces = (origin: GeoPoint, candidates: readonly MapFeature[], count: number) => nearest(origin, candidates, count, positionOf);

/** Those places as list items, with distances in the page's language; "≈" marks approximate places. */
export function nearestListHtml(places: Nearby<MapFeature>[], text: PointText): string {
  const km = new Intl.NumberFormat(text.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return places
    .map(({ item: { properties: point }, km: distance }) => {
      const name = point.kind === 'producer' && point.producer
        ? `<a href="${producerPath(point.producer.id, text.locale)}">${escapeHtml(point.name)}</a>`
        : escapeHtml(point.name);
      const what = point.outlet ? text.label(`map.outlet.${point.outlet}`) : text.label(`map.kind.${point.kind}`);
      const approximate = point.precision === 'exact' ? '' : ' ≈';
      return `<li data-km="${distance.toFixed(3)}">${name} <span class="muted">(${what}, ${text.label('map.nearMe.distance', { km: km.format(distance) })}${approximate})</span></li>`;
    })
    .join('');
}
