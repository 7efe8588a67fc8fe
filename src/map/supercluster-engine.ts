import Supercluster, { type ClusterProperties } from 'supercluster';
import type { MapFeature, MapPointProperties } from '../lib/map-features.ts';
import type { ClusterContext, ClusterEngine } from './cluster-engine.ts';
import { buttonMarker, clusterIcon, L, MAX_ZOOM, pointMarkers } from './leaflet-map.ts';

/**
 * Clusters computed by supercluster (a k-d tree per zoom level) and only the clusters in view drawn
 * as Leaflet markers, redrawn after each move: the cost follows what is visible, not the 20,000 points.
 */
export function superclusterEngine(map: L.Map, context: ClusterContext): ClusterEngine {
  const layer = L.layerGroup().addTo(map);
  const markerFor = pointMarkers(context);
  let index: Supercluster<MapPointProperties> | undefined;

  function clusterMarker(id: number, count: number, at: L.LatLng): L.Marker {
    const marker = buttonMarker(at, clusterIcon(count), context.clusterTitle(count));
    marker.on('click', () => {
      const zoom = index!.getClusterExpansionZoom(id);
      if (zoom <= MAX_ZOOM) return void map.flyTo(at, zoom, { duration: 0.4 });
      const points = index!.getLeaves(id, Infinity).map((leaf) => leaf.properties);
      L.popup({ maxWidth: 320, maxHeight: 320, className: 'map-popup' }).setLatLng(at).setContent(context.sameSpotHtml(points)).openOn(map);
    });
    return marker;
  }

  function draw() {
    if (!index) return;
    const bounds = map.getBounds().pad(0.25);
    const clusters = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], Math.round(map.getZoom()));
    layer.clearLayers();
    for (const item of clusters) {
      const [lng, lat] = item.geometry.coordinates;
      const props = item.properties as Partial<ClusterProperties>;
      layer.addLayer(props.cluster ? clusterMarker(props.cluster_id!, props.point_count!, L.latLng(lat, lng)) : markerFor(item as MapFeature));
    }
  }
  map.on('moveend', draw);

  return {
    async show(features) {
      // maxZoom = the map's: points sharing a centroid stay one cluster to the last zoom level.
      index = new Supercluster<MapPointProperties>({ radius: 60, maxZoom: MAX_ZOOM });
      index.load(features as MapFeature[]);
      draw();
    },
  };
}
