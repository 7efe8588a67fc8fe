import type { MapFeatureCollection } from '../lib/map-features.ts';
import { MAP_DATA_PATH } from '../lib/paths.ts';

let loading: Promise<MapFeatureCollection> | undefined;

/** The map's GeoJSON, fetched once per page however many maps ask (the HTTP cache keeps it between pages). */
export function loadMapData(): Promise<MapFeatureCollection> {
  loading ??= fetch(MAP_DATA_PATH).then((response) => {
    if (!response.ok) throw new Error(`${MAP_DATA_PATH}: HTTP ${response.status}`);
    return response.json() as Promise<MapFeatureCollection>;
  });
  return loading;
}
