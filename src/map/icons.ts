import type { MapPointKind } from '../lib/map-features.ts';

/**
 * Marker and legend icons as HTML strings (no Leaflet here), so the legend rendered on the server and
 * the markers drawn in the browser look the same. Kinds differ by shape and glyph, not colour alone.
 */
const GLYPHS: Record<MapPointKind, string> = {
  // a workshop roof
  producer: '<path d="M3 11.5 12 4l9 7.5V20h-6v-5H9v5H3z"/>',
  // a shopping bag
  'point-of-sale': '<path d="M5 8h14l-1.2 12.5H6.2zM9 8V6.5a3 3 0 0 1 6 0V8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M5 8h14l-1.2 12.5H6.2z"/>',
  // a fair flag
  booth: '<path d="M6 21V3h12l-3 4.5L18 12H8v9z"/>',
};

export function markerHtml(kind: MapPointKind, approximate: boolean): string {
  const classes = `map-marker map-marker--${kind}${approximate ? ' map-marker--approximate' : ''}`;
  return `<span class="${classes}" aria-hidden="true"><svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor">${GLYPHS[kind]}</svg></span>`;
}

export function clusterHtml(count: number): string {
  const size = count < 10 ? 'small' : count < 1000 ? 'medium' : 'large';
  return `<span class="map-cluster map-cluster--${size}" data-count="${count}" aria-hidden="true">${count}</span>`;
}

export const MARKER_SIZE = 30;
export const CLUSTER_SIZE = { small: 34, medium: 42, large: 52 } as const;
