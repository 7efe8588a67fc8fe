import { filterFeatures, filtersFromSearch, filtersToSearch, NO_FILTERS, type MapFilters } from '../lib/map-filters.ts';
import type { MapFeature } from '../lib/map-features.ts';
import type { Locale } from '../lib/paths.ts';
import { CLUSTER_ENGINES, type ClusterEngine, type ClusterEngineName } from './cluster-engine.ts';
import { loadMapData } from './data.ts';
import { describePoints } from './describe.ts';
import { pointText } from './labels.ts';
import { nearestListHtml, nearestPlaces } from './near-me.ts';

/**
 * The map page in the browser. The server-rendered page already works (a real filter form, the full
 * list); this adds the map, live filtering synced with the URL, the count and "near me".
 */
const root = document.querySelector<HTMLElement>('[data-map-page]')!;
const locale = root.dataset.locale as Locale;
const text = pointText(locale, JSON.parse(root.dataset.labels!));
const form = root.querySelector<HTMLFormElement>('form[data-map-filters]')!;
const count = root.querySelector<HTMLElement>('[data-map-count]')!;
const canvas = root.querySelector<HTMLElement>('[data-map-canvas]')!;
const listItems = [...root.querySelectorAll<HTMLElement>('[data-point-id]')];
const listGroups = [...root.querySelectorAll<HTMLElement>('[data-point-group]')];
const listEmpty = root.querySelector<HTMLElement>('[data-list-empty]')!;

/** Benchmark switch only (npm run bench -- map): which clustering library draws the map. */
const params = new URLSearchParams(location.search);
const engineName: ClusterEngineName = CLUSTER_ENGINES.find((name) => name === params.get('cluster')) ?? 'supercluster';

const NEAREST_COUNT = 10;
let filters = filtersFromSearch(params);
let all: MapFeature[] = [];
let shown: MapFeature[] = [];
let engine: ClusterEngine | undefined;
let map: import('leaflet').Map | undefined;
let fitToFeatures: ((map: import('leaflet').Map, features: readonly MapFeature[]) => void) | undefined;

function writeForm(values: MapFilters) {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const selected = { kind: values.kinds, group: values.groups, stars: values.stars.map(String) }[input.name as 'kind' | 'group' | 'stars'];
    input.checked = (selected as string[] | undefined)?.includes(input.value) ?? false;
  }
  form.querySelector<HTMLSelectElement>('select[name=province]')!.value = values.province;
}

const readForm = () => filtersFromSearch(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

function syncUrl() {
  const search = new URLSearchParams(filtersToSearch(filters));
  if (params.has('cluster')) search.set('cluster', engineName);
  const query = search.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

function syncList() {
  const visible = new Set(shown.map((feature) => feature.properties.id));
  for (const item of listItems) item.hidden = !visible.has(item.dataset.pointId!);
  // At national size the list names provinces only (no items): their sections stay.
  if (listItems.length) for (const group of listGroups) group.hidden = !group.querySelector('[data-point-id]:not([hidden])');
  listEmpty.hidden = shown.length > 0;
}

async function apply(refit: boolean) {
  shown = filterFeatures(all, filters);
  count.textContent = text.label('map.count', { shown: shown.length, total: all.length });
  syncList();
  if (map && engine) {
    if (refit) fitToFeatures!(map, shown);
    await engine.show(shown);
    performance.mark('map-drawn');
  }
  refreshNearMe();
}

function onFiltersChanged() {
  filters = readForm();
  syncUrl();
  void apply(true);
}

form.addEventListener('change', onFiltersChanged);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  onFiltersChanged();
});
root.querySelector('[data-map-reset]')?.addEventListener('click', (event) => {
  event.preventDefault();
  writeForm(NO_FILTERS);
  onFiltersChanged();
});

// Near me: the browser's position, or a province's centre for those who decline or cannot share it.
const nearMe = root.querySelector<HTMLElement>('[data-near-me]')!;
const nearMeList = nearMe.querySelector<HTMLElement>('[data-near-me-list]')!;
const nearMeStatus = nearMe.querySelector<HTMLElement>('[data-near-me-status]')!;
const provinceSelect = nearMe.querySelector<HTMLSelectElement>('select')!;
let origin: { lat: number; lng: number; place: string } | undefined;

function refreshNearMe() {
  if (!origin) return;
  nearMeStatus.textContent = text.label('map.nearMe.results', { place: origin.place });
  const candidates = shown.filter((feature) => feature.properties.kind !== 'booth');
  nearMeList.innerHTML = nearestListHtml(nearestPlaces(origin, candidates, NEAREST_COUNT), text);
}

function showNearest(lat: number, lng: number, place: string) {
  origin = { lat, lng, place };
  refreshNearMe();
  map?.flyTo([lat, lng], 10, { duration: 0.5 });
}

nearMe.hidden = false;
nearMe.querySelector('[data-locate]')!.addEventListener('click', () => {
  nearMeStatus.textContent = text.label('map.nearMe.locating');
  const denied = () => {
    nearMeStatus.textContent = text.label('map.nearMe.denied');
    provinceSelect.focus();
  };
  if (!('geolocation' in navigator)) return denied();
  navigator.geolocation.getCurrentPosition(
    (position) => showNearest(position.coords.latitude, position.coords.longitude, text.label('map.nearMe.yourLocation')),
    denied,
    { timeout: 10_000, maximumAge: 300_000 },
  );
});
provinceSelect.addEventListener('change', () => {
  const option = provinceSelect.selectedOptions[0];
  if (option?.dataset.lat) showNearest(Number(option.dataset.lat), Number(option.dataset.lng), option.text);
});

/**
 * Lets the browser paint and answer input between the steps of drawing the map: on a slow phone one
 * long task would block the page (Lighthouse's total blocking time).
 */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start() {
  writeForm(filters);
  if (matchMedia('(min-width: 60rem)').matches) root.querySelector<HTMLDetailsElement>('[data-map-filters-panel]')!.open = true;
  const [data, leaflet] = await Promise.all([loadMapData(), import('./leaflet-map.ts')]);
  all = data.features;
  canvas.querySelector('[data-map-status]')?.remove();
  map = leaflet.createBaseMap(canvas, text.label('map.tilesUnavailable'));
  fitToFeatures = leaflet.fitToFeatures;
  fitToFeatures(map, filterFeatures(all, filters));
  await nextTask();
  leaflet.addPlaceLabels(map, JSON.parse(canvas.dataset.places ?? '[]'));
  const context = describePoints(text);
  engine = engineName === 'markercluster'
    ? await (await import('./markercluster-engine.ts')).markerclusterEngine(map, context)
    : (await import('./supercluster-engine.ts')).superclusterEngine(map, context);
  await nextTask();
  await apply(false);
  // The moment the benchmark measures: data loaded, markers drawn, the map answering input.
  performance.mark('map-interactive');
  canvas.dataset.mapReady = engineName;
}

void start();
