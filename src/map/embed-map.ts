import type { Locale } from '../lib/paths.ts';
import { loadMapData } from './data.ts';
import { describePoints } from './describe.ts';
import { pointText } from './labels.ts';

/** Draws one small map (see embed.ts): the producer and its nearest points of sale. */
export async function showMap(section: HTMLElement) {
  const text = pointText(section.dataset.locale as Locale, JSON.parse(section.dataset.labels!));
  const ids = new Set<string>(JSON.parse(section.dataset.pointIds!));
  const canvas = section.querySelector<HTMLElement>('[data-map-canvas]')!;
  const [data, leaflet] = await Promise.all([loadMapData(), import('./leaflet-map.ts')]);
  const features = data.features.filter((feature) => ids.has(feature.properties.id));
  canvas.querySelector('[data-map-status]')?.remove();
  // Wheel zoom off: scrolling the page must not get caught by the map.
  const map = leaflet.createBaseMap(canvas, text.label('map.tilesUnavailable'), { scrollWheelZoom: false });
  leaflet.fitToFeatures(map, features);
  const markerFor = leaflet.pointMarkers(describePoints(text));
  for (const feature of features) markerFor(feature).addTo(map);
  canvas.dataset.mapReady = String(features.length);
}

