import { describe, expect, it } from 'vitest';
import { haversineKm, nearest } from '../../src/lib/distance.ts';

const hanoi = { lat: 21.028, lng: 105.854 };
const hcmc = { lat: 10.776, lng: 106.701 };
const longXuyen = { lat: 10.386, lng: 105.435 };
const chauDoc = { lat: 10.701, lng: 105.117 };

describe('haversineKm', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineKm(hanoi, hanoi)).toBe(0);
    expect(haversineKm(hanoi, hcmc)).toBeCloseTo(haversineKm(hcmc, hanoi), 9);
  });

  it('matches known distances', () => {
    // Hà Nội to Hồ Chí Minh City is about 1,140 km as the crow flies.
    expect(haversineKm(hanoi, hcmc)).toBeGreaterThan(1130);
    expect(haversineKm(hanoi, hcmc)).toBeLessThan(1150);
    // One degree of latitude is about 111.2 km anywhere.
    expect(haversineKm({ lat: 10, lng: 105 }, { lat: 11, lng: 105 })).toBeCloseTo(111.2, 0);
    // Long Xuyên to Châu Đốc, about 49 km.
    expect(haversineKm(longXuyen, chauDoc)).toBeCloseTo(49, -1);
  });

  it('stays finite for antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('nearest', () => {
  const places = [
    { name: 'Hà Nội', geo: hanoi },
    { name: 'Châu Đốc', geo: chauDoc },
    { name: 'TP.HCM', geo: hcmc },
    { name: 'Long Xuyên', geo: longXuyen },
  ];

  it('sorts by distance and keeps the first N', () => {
    const result = nearest(longXuyen, places, 3, (place) => place.geo);
    expect(result.map((r) => r.item.name)).toEqual(['Long Xuyên', 'Châu Đốc', 'TP.HCM']);
    expect(result[0].km).toBe(0);
    expect(result[1].km).toBeLessThan(result[2].km);
  });

  it('keeps the original order of equally distant items and copes with odd counts', () => {
    const twins = [{ name: 'a', geo: chauDoc }, { name: 'b', geo: chauDoc }];
    expect(nearest(hanoi, twins, 5, (p) => p.geo).map((r) => r.item.name)).toEqual(['a', 'b']);
    expect(nearest(hanoi, twins, 0, (p) => p.geo)).toEqual([]);
    expect(nearest(hanoi, [], 3, (p: { geo: typeof hanoi }) => p.geo)).toEqual([]);
  });
});
