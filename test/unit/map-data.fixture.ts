import type { EventInput, PointOfSaleInput, ProducerInput } from '../../src/lib/map-features.ts';

/** A small catalogue for the map's unit tests: two producers, a shop carrying one, a past and a future fair. */
export const producers: ProducerInput[] = [
  {
    id: 'htx-a',
    name: 'HTX A',
    province: 'An Giang',
    geo: { lat: 10.386, lng: 105.435, precision: 'district' },
    products: [
      { slug: 'mam-a', name: 'Mắm A', nameEn: 'Fish paste A', stars: 4, group: 'food' },
      { slug: 'tra-a', name: 'Trà A', stars: 3, group: 'beverages' },
    ],
  },
  {
    id: 'cty-b',
    name: 'Công ty B <&>',
    province: 'Đồng Tháp',
    geo: { lat: 10.46, lng: 105.63, precision: 'exact' },
    products: [{ slug: 'sen-b', name: 'Sen B', stars: 5, group: 'herbal' }],
  },
];

export const pointsOfSale: PointOfSaleInput[] = [
  {
    id: 'shop',
    name: 'Shop',
    kind: 'ocop-shop',
    province: 'An Giang',
    geo: { lat: 10.7, lng: 105.1, precision: 'district' },
    openingHours: '7:00–21:00',
    producerIds: ['htx-a'],
    productSlugs: [],
  },
];

const fair = { province: 'An Giang', geo: { lat: 10.7, lng: 105.1, precision: 'district' as const } };
export const events: EventInput[] = [
  { ...fair, id: 'old', name: 'Old fair', year: 2023, booths: [{ producerId: 'htx-a', label: 'A1' }] },
  {
    ...fair,
    id: 'next',
    name: 'Next fair',
    year: 2027,
    startDate: '2027-01-10',
    endDate: '2027-01-14',
    sample: true,
    booths: [
      { producerId: 'htx-a', label: 'A1' },
      { producerId: 'cty-b', label: 'B2' },
    ],
  },
];

export const TODAY = '2026-11-24';
