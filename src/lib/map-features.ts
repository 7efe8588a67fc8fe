import type { GeoPoint, GeoPrecision } from './geo.ts';
import type { ProductGroup } from './groups.ts';

/**
 * The map's data: one GeoJSON FeatureCollection of producers, points of sale and fair booths, built
 * from the catalogue at build time and fetched once by every map on the site. Properties carry ids
 * and slugs, not URLs, so the one file serves both locales.
 */
export const MAP_POINT_KINDS = ['producer', 'point-of-sale', 'booth'] as const;
export type MapPointKind = (typeof MAP_POINT_KINDS)[number];
export type StarLevel = 3 | 4 | 5;

export interface MapProduct {
  slug: string;
  name: string;
  nameEn?: string;
  stars: StarLevel;
  group: ProductGroup;
}

export interface MapBooth {
  event: string;
  year: number;
  startDate?: string;
  endDate?: string;
  label: string;
}

export interface MapPointProperties {
  /** Unique across kinds: `producer:<id>`, `pos:<id>`, `booth:<event>:<n>`. */
  id: string;
  kind: MapPointKind;
  name: string;
  /** Today's province (after the 2025 reorganisation). */
  province: string;
  precision: GeoPrecision;
  /** Product groups and star levels found here: a producer's own, what a shop carries, a booth's producer's. */
  groups: ProductGroup[];
  stars: StarLevel[];
  /** The producer itself, or the producer at a booth. */
  producer?: { id: string; name: string };
  products?: MapProduct[];
  /** Points of sale: showroom, OCOP shop, supermarket… */
  outlet?: string;
  openingHours?: string;
  carries?: Array<{ id: string; name: string }>;
  booth?: MapBooth;
  /** Made-up data shown to demonstrate a feature; pages must say so. */
  sample?: boolean;
}

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [lng: number, lat: number] };
  properties: MapPointProperties;
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}

interface Located {
  geo: GeoPoint & { precision: GeoPrecision };
  province: string;
}

export interface ProducerInput extends Located {
  id: string;
  name: string;
  products: MapProduct[];
}

export interface PointOfSaleInput extends Located {
  id: string;
  name: string;
  kind: string;
  openingHours?: string;
  producerIds: string[];
  productSlugs: string[];
  sample?: boolean;
}

export interface EventInput extends Located {
  id: string;
  name: string;
  year: number;
  startDate?: string;
  endDate?: string;
  sample?: boolean;
  booths: Array<{ producerId: string; label: string }>;
}

export const isApproximate = (precision: GeoPrecision) => precision !== 'exact';

/** An event still matters on the map until its last day; without dates, until the end of its year. */
export function isCurrentOrUpcoming(event: Pick<EventInput, 'year' | 'startDate' | 'endDate'>, today: string): boolean {
  const lastDay = event.endDate ?? event.startDate ?? `${event.year}-12-31`;
  return lastDay >= today;
}

const unique = <T>(values: T[]) => [...new Set(values)];
const sortedStars = (products: MapProduct[]) => unique(products.map((p) => p.stars)).sort();
const sortedGroups = (products: MapProduct[]) => unique(products.map((p) => p.group)).sort();

function feature({ geo, province }: Located, properties: Omit<MapPointProperties, 'province' | 'precision'>): MapFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [geo.lng, geo.lat] },
    properties: { ...properties, province, precision: geo.precision },
  };
}

export function buildMapFeatures(input: {
  producers: ProducerInput[];
  pointsOfSale: PointOfSaleInput[];
  events: EventInput[];
  today: string;
}): MapFeatureCollection {
  const producerById = new Map(input.producers.map((producer) => [producer.id, producer]));
  const productBySlug = new Map(input.producers.flatMap((producer) => producer.products.map((p) => [p.slug, p] as const)));
  const productsOf = (id: string) => producerById.get(id)?.products ?? [];
  const nameOf = (id: string) => ({ id, name: producerById.get(id)?.name ?? id });

  const producers = input.producers.map((producer) =>
    feature(producer, {
      id: `producer:${producer.id}`,
      kind: 'producer',
      name: producer.name,
      groups: sortedGroups(producer.products),
      stars: sortedStars(producer.products),
      producer: { id: producer.id, name: producer.name },
      products: producer.products,
    }),
  );
  const pointsOfSale = input.pointsOfSale.map((pos) => {
    const carried = [
      ...pos.producerIds.flatMap(productsOf),
      ...pos.productSlugs.flatMap((slug) => productBySlug.get(slug) ?? []),
    ];
    return feature(pos, {
      id: `pos:${pos.id}`,
      kind: 'point-of-sale',
      name: pos.name,
      groups: sortedGroups(carried),
      stars: sortedStars(carried),
      outlet: pos.kind,
      openingHours: pos.openingHours,
      carries: pos.producerIds.map(nameOf),
      ...(pos.sample ? { sample: true } : {}),
    });
  });
  const booths = input.events
    .filter((event) => isCurrentOrUpcoming(event, input.today))
    .flatMap((event) =>
      event.booths.map((booth, index) =>
        feature(event, {
          id: `booth:${event.id}:${index + 1}`,
          kind: 'booth',
          name: `${booth.label} · ${nameOf(booth.producerId).name}`,
          groups: sortedGroups(productsOf(booth.producerId)),
          stars: sortedStars(productsOf(booth.producerId)),
          producer: nameOf(booth.producerId),
          booth: { event: event.name, year: event.year, startDate: event.startDate, endDate: event.endDate, label: booth.label },
          ...(event.sample ? { sample: true } : {}),
        }),
      ),
    );
  return { type: 'FeatureCollection', features: [...producers, ...pointsOfSale, ...booths] };
}
