import { PRODUCT_GROUPS, type ProductGroup } from './groups.ts';
import { MAP_POINT_KINDS, type MapFeature, type MapPointKind, type MapPointProperties, type StarLevel } from './map-features.ts';

/**
 * The map's filters and their URL form. The names match the filter <form>'s fields (`kind`, `group`,
 * `stars`, `province`, repeated for several values), so submitting the form without JavaScript and
 * sharing a filtered map give the same address. An empty list means "any".
 */
export interface MapFilters {
  kinds: MapPointKind[];
  groups: ProductGroup[];
  stars: StarLevel[];
  province: string;
}

export const NO_FILTERS: MapFilters = { kinds: [], groups: [], stars: [], province: '' };
const STAR_LEVELS: readonly StarLevel[] = [3, 4, 5];

const anyOf = <T>(wanted: readonly T[], present: readonly T[]) => wanted.length === 0 || wanted.some((value) => present.includes(value));

export function matchesFilters(point: MapPointProperties, filters: MapFilters): boolean {
  return (
    anyOf(filters.kinds, [point.kind]) &&
    anyOf(filters.groups, point.groups) &&
    anyOf(filters.stars, point.stars) &&
    (filters.province === '' || point.province === filters.province)
  );
}

export const filterFeatures = (features: readonly MapFeature[], filters: MapFilters) =>
  features.filter((feature) => matchesFilters(feature.properties, filters));

/** Keeps known values only, once each, in their canonical order: a hand-edited URL cannot break the map. */
function known<T>(allowed: readonly T[], values: unknown[]): T[] {
  return allowed.filter((value) => values.includes(value));
}

export function filtersFromSearch(search: URLSearchParams | string): MapFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return {
    kinds: known(MAP_POINT_KINDS, params.getAll('kind')),
    groups: known(PRODUCT_GROUPS, params.getAll('group')),
    stars: known(STAR_LEVELS, params.getAll('stars').map(Number)),
    province: params.get('province')?.trim() ?? '',
  };
}

/** The query string for the filters, without the leading "?"; empty when nothing is filtered. */
export function filtersToSearch(filters: MapFilters): string {
  const params = new URLSearchParams();
  for (const kind of known(MAP_POINT_KINDS, filters.kinds)) params.append('kind', kind);
  for (const group of known(PRODUCT_GROUPS, filters.groups)) params.append('group', group);
  for (const stars of known(STAR_LEVELS, filters.stars)) params.append('stars', String(stars));
  if (filters.province) params.set('province', filters.province);
  return params.toString();
}

export const hasFilters = (filters: MapFilters) => filtersToSearch(filters) !== '';
