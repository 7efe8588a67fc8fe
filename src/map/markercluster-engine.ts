import type { ClusterContext, ClusterEngine } from './cluster-engine.ts';
import { clusterIcon, L, pointMarkers } from './leaflet-map.ts';

/**
 * Leaflet.markercluster: one Leaflet marker per point, clustered by the plugin, which spiderfies points
 * sharing a spot. Kept for the benchmark comparison (?cluster=markercluster).
 */
export async function markerclusterEngine(map: L.Map, context: ClusterContext): Promise<ClusterEngine> {
  // The plugin is a UMD script that extends the global L.
  (globalThis as { L?: typeof L }).L = L;
  await import('leaflet.markercluster');
  const markerFor = pointMarkers(context);
  let done: () => void = () => {};
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 60,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount()),
    chunkProgress: (processed, total) => processed === total && done(),
  }).addTo(map);
  return {
    show(features) {
      group.clearLayers();
      if (!features.length) return Promise.resolve();
      return new Promise((resolve) => {
        done = resolve;
        group.addLayers(features.map(markerFor));
      });
    },
  };
}
