import { describe, expect, it } from 'vitest';
import { listingTail, pageCountOf, pageOf, parseListingTail, sortListing } from '../../src/lib/listing.ts';

describe('listing pages', () => {
  const items = Array.from({ length: 50 }, (_, index) => index + 1);

  it('cuts a sorted list into pages of 24 and refuses pages past the end', () => {
    expect(pageCountOf(50)).toBe(3);
    expect(pageCountOf(0)).toBe(1);
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pageCount: 3, total: 50, first: 1, last: 24 });
    expect(pageOf(items, 3)).toMatchObject({ items: [49, 50], first: 49, last: 50 });
    expect(pageOf(items, 4)).toBeUndefined();
    expect(pageOf(items, 0)).toBeUndefined();
    expect(pageOf([], 1)).toMatchObject({ items: [], first: 0, last: 0, total: 0 });
  });

  it('reads back every tail it writes, and only those', () => {
    for (const sort of ['stars', 'name'] as const) {
      for (const page of [1, 2, 17]) {
        const tail = listingTail(sort, page, 'ten').replace(/\/$/, '');
        expect(parseListingTail(tail || undefined, 'ten'), tail).toEqual({ sort, page });
        expect(parseListingTail(`${tail}/`.replace(/^\//, ''), 'ten'), `${tail}/`).toEqual({ sort, page });
      }
    }
    for (const bad of ['1', 'ten/1', '0', '02', 'name', 'ten/x', '2/3', 'ten/2/3', '-1']) expect(parseListingTail(bad, 'ten'), bad).toBeUndefined();
  });

  it('sorts by stars (potential five-star above other 4-star products), then by Vietnamese name', () => {
    const products = [
      { name: 'Bánh', stars: 4, potentialFiveStar: false },
      { name: 'Ấm', stars: 4, potentialFiveStar: true },
      { name: 'Đường', stars: 5, potentialFiveStar: false },
      { name: 'An', stars: 3, potentialFiveStar: false },
    ];
    expect(sortListing(products, 'stars', (p) => p).map((p) => p.name)).toEqual(['Đường', 'Ấm', 'Bánh', 'An']);
    expect(sortListing(products, 'name', (p) => p).map((p) => p.name)).toEqual(['An', 'Ấm', 'Bánh', 'Đường']);
  });
});
