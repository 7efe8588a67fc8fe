import { isApproximate } from '../lib/map-features.ts';
import { escapeHtml, pointHtml, type PointText } from '../lib/map-popup.ts';
import type { ClusterContext } from './cluster-engine.ts';

/** Words for markers, clusters and popups in the page's language. */
export function describePoints(text: PointText): ClusterContext {
  return {
    markerTitle: (point) =>
      `${text.label(`map.kind.${point.kind}`)}: ${point.name}${isApproximate(point.precision) ? ` (≈ ${text.label(`producer.precision.${point.precision}`)})` : ''}`,
    popupHtml: (point) => `<div class="map-point">${pointHtml(point, text)}</div>`,
    clusterTitle: (count) => text.label('map.cluster', { count }),
    sameSpotHtml: (points) =>
      `<h3 class="map-popup__heading">${escapeHtml(text.label('map.clusterHere', { count: points.length }))}</h3><ul class="map-popup__list">${points
        .map((point) => `<li class="map-point">${pointHtml(point, text, 4)}</li>`)
        .join('')}</ul>`,
  };
}
