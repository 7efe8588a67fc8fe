import { nearest } from '../lib/distance.ts';
import type { GeoPoint } from '../lib/geo.ts';
import type { MapFeature } from '../lib/map-features.ts';
import { escapeHtml, type PointText } from '../lib/map-popup.ts';
import { producerPath } from '../lib/paths.ts';

const NEAREST_COUNT = 10;
const positionOf = (feature: MapFeature): GeoPoint => ({ lat: feature.geometry.coordinates[1], lng: feature.geometry.coordinates[0] });

/** The nearest producers and points of sale among the shown places, as list items, nearest first. */
export function nearestListHtml(origin: GeoPoint, features: readonly MapFeature[], text: PointText): string {
  const candidates = features.filter((feature) => feature.properties.kind !== 'booth');
  const km = new Intl.NumberFormat(text.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return nearest(origin, candidates, NEAREST_COUNT, positionOf)
    .map(({ item: { properties: point }, km: distance }) => {
      const name = point.kind === 'producer' && point.producer
        ? `<a href="${producerPath(point.producer.id, text.locale)}">${escapeHtml(point.name)}</a>`
        : escapeHtml(point.name);
      const approximate = point.precision === 'exact' ? '' : ' ≈';
      return `<li data-km="${distance.toFixed(3)}">${name} <span class="muted">(${text.label(`map.kind.${point.kind}`)}, ${text.label('map.nearMe.distance', { km: km.format(distance) })}${approximate})</span></li>`;
    })
    .join('');
}
