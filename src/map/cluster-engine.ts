import type { MapFeature, MapPointProperties } from '../lib/map-features.ts';

/**
 * What the map page needs from a clustering library. Two implementations exist so the benchmark can
 * compare them (npm run bench -- map); the page loads only one.
 */
export interface ClusterEngine {
  /** Shows exactly these points; resolves once they are on the map. */
  show(features: readonly MapFeature[]): Promise<void>;
}

export interface ClusterContext {
  markerTitle(point: MapPointProperties): string;
  popupHtml(point: MapPointProperties): string;
  clusterTitle(count: number): string;
  /** Several points at one spot (approximate places share centroids): a list instead of zooming in. */
  sameSpotHtml(points: MapPointProperties[]): string;
}

export const CLUSTER_ENGINES = ['supercluster', 'markercluster'] as const;
export type ClusterEngineName = (typeof CLUSTER_ENGINES)[number];
