import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { PUBLIC_MAP_TILE_ATTRIBUTION, PUBLIC_MAP_TILE_URL } from 'astro:env/client';
import { VIETNAM_BOUNDS } from '../lib/geo.ts';
import { isApproximate, type MapFeature, type MapPointKind } from '../lib/map-features.ts';
import { escapeHtml } from '../lib/map-popup.ts';
import { CLUSTER_SIZE, clusterHtml, MARKER_SIZE, markerHtml } from './icons.ts';

/** Leaflet, its base map and markers: loaded only when a map is about to be shown. */
export { L };

export const MAX_ZOOM = 18;
export const VIETNAM = L.latLngBounds([VIETNAM_BOUNDS.minLat, VIETNAM_BOUNDS.minLng], [VIETNAM_BOUNDS.maxLat, VIETNAM_BOUNDS.maxLng]);

/**
 * A map with the configured raster tiles. Without reachable tiles (offline, blocked, tests) markers
 * still work; a note says the background is missing so the blank map looks intended, not broken.
 */
export function createBaseMap(container: HTMLElement, tilesUnavailable: string, options: L.MapOptions = {}): L.Map {
  const map = L.map(container, { maxZoom: MAX_ZOOM, minZoom: 4, ...options });
  const tiles = L.tileLayer(PUBLIC_MAP_TILE_URL, { attribution: PUBLIC_MAP_TILE_ATTRIBUTION, maxZoom: MAX_ZOOM });
  let anyTileLoaded = false;
  const notice = L.DomUtil.create('p', 'map-canvas__notice');
  notice.setAttribute('role', 'status');
  tiles.on('tileload', () => {
    anyTileLoaded = true;
    notice.remove();
  });
  tiles.on('tileerror', () => {
    if (!anyTileLoaded && !notice.isConnected) {
      notice.textContent = tilesUnavailable;
      // Below the map, not over it: it must never hide a marker.
      container.after(notice);
    }
  });
  tiles.addTo(map);
  map.attributionControl.setPrefix(false);
  return map;
}

const icons = new Map<string, L.DivIcon>();
function pointIcon(kind: MapPointKind, approximate: boolean): L.DivIcon {
  const key = `${kind}:${approximate}`;
  let icon = icons.get(key);
  if (!icon) {
    icon = L.divIcon({ html: markerHtml(kind, approximate), className: 'map-icon', iconSize: [MARKER_SIZE, MARKER_SIZE] });
    icons.set(key, icon);
  }
  return icon;
}

export function clusterIcon(count: number): L.DivIcon {
  const size = CLUSTER_SIZE[count < 10 ? 'small' : count < 1000 ? 'medium' : 'large'];
  return L.divIcon({ html: clusterHtml(count), className: 'map-icon', iconSize: [size, size] });
}

export const latLngOf = (feature: MapFeature) => L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);

/**
 * A keyboard-focusable marker. Leaflet gives its icon role="button" and the title only as a tooltip,
 * which checkers (HTML_CodeSniffer) do not take as a button's name, so the title is its aria-label too.
 */
export function buttonMarker(at: L.LatLng, icon: L.DivIcon, title: string, options: L.MarkerOptions = {}): L.Marker {
  const marker = L.marker(at, { icon, title, keyboard: true, ...options });
  marker.on('add', () => marker.getElement()?.setAttribute('aria-label', title));
  return marker;
}

export function pointMarker(feature: MapFeature, title: string, popupHtml: () => string): L.Marker {
  const { kind, precision } = feature.properties;
  return buttonMarker(latLngOf(feature), pointIcon(kind, isApproximate(precision)), title, { riseOnHover: true }).bindPopup(popupHtml, {
    maxWidth: 300,
    className: 'map-popup',
  });
}

export function fitToFeatures(map: L.Map, features: readonly MapFeature[]): void {
  if (!features.length) return void map.fitBounds(VIETNAM);
  map.fitBounds(L.latLngBounds(features.map(latLngOf)), { padding: [40, 40], maxZoom: 11, animate: false });
}

/** One marker per point, made on first use and reused when filters change (making 20,000 costs). */
export function pointMarkers(describe: { markerTitle(p: MapFeature['properties']): string; popupHtml(p: MapFeature['properties']): string }) {
  const markers = new Map<string, L.Marker>();
  return (feature: MapFeature): L.Marker => {
    let marker = markers.get(feature.properties.id);
    if (!marker) {
      marker = pointMarker(feature, describe.markerTitle(feature.properties), () => describe.popupHtml(feature.properties));
      markers.set(feature.properties.id, marker);
    }
    return marker;
  };
}

/** Province names at their centres: orientation without tiles, never in the way of markers. */
export function addPlaceLabels(map: L.Map, places: ReadonlyArray<{ name: string; lat: number; lng: number }>): void {
  const pane = map.createPane('place-labels');
  pane.style.zIndex = '350';
  const labels = places.map((place) =>
    L.marker([place.lat, place.lng], {
      icon: L.divIcon({ html: `<span>${escapeHtml(place.name)}</span>`, className: 'map-place-label', iconSize: [0, 0], iconAnchor: [0, -20] }),
      pane: 'place-labels',
      interactive: false,
      keyboard: false,
    }).addTo(map),
  );
  // Neighbouring provinces overlap when zoomed out: keep the first of any two labels that would collide.
  const declutter = () => {
    const placed: L.Point[] = [];
    for (const label of labels) {
      const at = map.latLngToContainerPoint(label.getLatLng());
      const collides = placed.some((other) => Math.abs(other.x - at.x) < 110 && Math.abs(other.y - at.y) < 22);
      label.setOpacity(collides ? 0 : 1);
      if (!collides) placed.push(at);
    }
  };
  map.on('zoomend', declutter);
  declutter();
}
