import { describe, expect, it } from 'vitest';
import { buildMapFeatures } from '../../src/lib/map-features.ts';
import { filterFeatures, filtersFromSearch, filtersToSearch, hasFilters, NO_FILTERS, type MapFilters } from '../../src/lib/map-filters.ts';
import { events, pointsOfSale, producers, TODAY } from './map-data.fixture.ts';

const { features } = buildMapFeatures({ producers, pointsOfSale, events, today: TODAY });
const ids = (filters: Partial<MapFilters>) => filterFeatures(features, { ...NO_FILTERS, ...filters }).map((f) => f.properties.id);

describe('filterFeatures', () => {
  it('shows everything without filters', () => {
    expect(ids({})).toHaveLength(features.length);
  });

  it('filters by kind, group, stars and province, any of the values within a filter', () => {
    expect(ids({ kinds: ['producer'] })).toEqual(['producer:htx-a', 'producer:cty-b']);
    expect(ids({ kinds: ['producer', 'point-of-sale'] })).toHaveLength(3);
    expect(ids({ groups: ['herbal'] })).toEqual(['producer:cty-b', 'booth:next:2']);
    expect(ids({ stars: [4] })).toEqual(['producer:htx-a', 'pos:shop', 'booth:next:1']);
    expect(ids({ province: 'Đồng Tháp' })).toEqual(['producer:cty-b']);
  });

  it('combines filters with "and"', () => {
    expect(ids({ kinds: ['booth'], stars: [5] })).toEqual(['booth:next:2']);
    expect(ids({ province: 'Đồng Tháp', groups: ['food'] })).toEqual([]);
  });
});

describe('filters in the URL', () => {
  const filters: MapFilters = { kinds: ['producer', 'booth'], groups: ['food'], stars: [4, 5], province: 'An Giang' };

  it('round-trips', () => {
    const search = filtersToSearch(filters);
    expect(search).toBe('kind=producer&kind=booth&group=food&stars=4&stars=5&province=An+Giang');
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(filtersFromSearch(`?${search}`)).toEqual(filters);
  });

  it('is empty without filters and reads an empty query as no filters', () => {
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(filters)).toBe(true);
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
  });

  it('ignores unknown or repeated values and uses a canonical order', () => {
    expect(filtersFromSearch('kind=booth&kind=ufo&kind=producer&kind=booth&stars=7&stars=3&group=x&province=%20')).toEqual({
      kinds: ['producer', 'booth'],
      groups: [],
      stars: [3],
      province: '',
    });
  });
});
