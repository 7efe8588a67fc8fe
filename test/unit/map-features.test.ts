import { describe, expect, it } from 'vitest';
import { buildMapFeatures, isCurrentOrUpcoming } from '../../src/lib/map-features.ts';
import { events, pointsOfSale, producers, TODAY } from './map-data.fixture.ts';

const collection = buildMapFeatures({ producers, pointsOfSale, events, today: TODAY });
const byId = new Map(collection.features.map((f) => [f.properties.id, f]));

describe('buildMapFeatures', () => {
  it('makes one point per producer, point of sale and booth of a current or upcoming fair', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect([...byId.keys()]).toEqual(['producer:htx-a', 'producer:cty-b', 'pos:shop', 'booth:next:1', 'booth:next:2']);
  });

  it('writes GeoJSON coordinates as [lng, lat] and keeps the precision', () => {
    expect(byId.get('producer:htx-a')!.geometry).toEqual({ type: 'Point', coordinates: [105.435, 10.386] });
    expect(byId.get('producer:htx-a')!.properties.precision).toBe('district');
    expect(byId.get('producer:cty-b')!.properties.precision).toBe('exact');
  });

  it("gives a producer its products' groups and stars", () => {
    const producer = byId.get('producer:htx-a')!.properties;
    expect(producer.groups).toEqual(['beverages', 'food']);
    expect(producer.stars).toEqual([3, 4]);
    expect(producer.products).toHaveLength(2);
  });

  it('gives a point of sale the groups and stars of what it carries', () => {
    const shop = byId.get('pos:shop')!.properties;
    expect(shop).toMatchObject({ kind: 'point-of-sale', outlet: 'ocop-shop', openingHours: '7:00–21:00', stars: [3, 4] });
    expect(shop.carries).toEqual([{ id: 'htx-a', name: 'HTX A' }]);
  });

  it('describes booths with their fair, dates and producer, and flags sample data', () => {
    const booth = byId.get('booth:next:2')!.properties;
    expect(booth).toMatchObject({ kind: 'booth', sample: true, producer: { id: 'cty-b', name: 'Công ty B <&>' }, stars: [5] });
    expect(booth.booth).toEqual({ event: 'Next fair', year: 2027, startDate: '2027-01-10', endDate: '2027-01-14', label: 'B2' });
  });
});

describe('isCurrentOrUpcoming', () => {
  it('keeps a fair until its last day, or until the end of its year without dates', () => {
    expect(isCurrentOrUpcoming({ year: 2026, startDate: '2026-11-20', endDate: '2026-11-24' }, TODAY)).toBe(true);
    expect(isCurrentOrUpcoming({ year: 2026, startDate: '2026-11-20', endDate: '2026-11-23' }, TODAY)).toBe(false);
    expect(isCurrentOrUpcoming({ year: 2026 }, TODAY)).toBe(true);
    expect(isCurrentOrUpcoming({ year: 2025 }, TODAY)).toBe(false);
  });
});
