import type { CollectionEntry } from 'astro:content';
import { buildMapFeatures, type MapFeatureCollection, type MapProduct } from '../lib/map-features.ts';
import type { Catalogue } from './catalogue.ts';

/** The catalogue in the shape the map's GeoJSON builder takes. */
type Address = CollectionEntry<'producers'>['data']['address'];
// Astro's reference() yields { id, collection }; the schemas type it loosely, so accept either form.
const refId = (ref: unknown) => (typeof ref === 'string' ? ref : (ref as { id: string }).id);
const placeOf = (address: Address, geo: CollectionEntry<'producers'>['data']['geo']) => ({ province: address.currentProvince, geo });

export function mapFeatures(catalogue: Catalogue): MapFeatureCollection {
  const productsOf = (producerId: string): MapProduct[] =>
    (catalogue.productsByProducer.get(producerId) ?? []).map(({ slug, data, english }) => ({
      slug,
      name: data.name,
      ...(english && { nameEn: english.name }),
      stars: data.stars,
      group: data.group,
    }));
  // Listed products only: a producer left with none (every certificate revoked) is not on the map, nor named by shops and booths.
  const onMap = (producerId: string) => catalogue.productsByProducer.has(producerId);
  return buildMapFeatures({
    today: catalogue.today,
    producers: catalogue.producers
      .filter(({ id }) => onMap(id))
      .map(({ id, data }) => ({ id, name: data.name, ...placeOf(data.address, data.geo), products: productsOf(id) })),
    pointsOfSale: catalogue.pointsOfSale.map(({ id, data }) => ({
      id,
      name: data.name,
      kind: data.kind,
      openingHours: data.openingHours,
      ...placeOf(data.address, data.geo),
      producerIds: data.carries.producers.map(refId).filter(onMap),
      // A revoked product a shop still carries is dropped by buildMapFeatures: it is not among the producers' products.
      productSlugs: data.carries.products.map((ref) => catalogue.products.find((p) => p.id === refId(ref))?.slug ?? refId(ref)),
      sample: data.source.document === 'sample',
    })),
    events: catalogue.events.map(({ id, data }) => ({
      id,
      name: data.name,
      year: data.year,
      startDate: data.startDate,
      endDate: data.endDate,
      ...placeOf(data.location.address, data.location.geo),
      sample: data.source.document === 'sample',
      booths: data.booths.map((booth) => ({ producerId: refId(booth.producer), label: booth.label })).filter((booth) => onMap(booth.producerId)),
    })),
  });
}

type MapFeature = MapFeatureCollection['features'][number];

export interface MapIndex {
  collection: MapFeatureCollection;
  /** Features by id (`producer:<id>`, …), so a page finds its own point without a scan. */
  byId: Map<string, MapFeature>;
  pointsOfSale: MapFeature[];
}

const built = new WeakMap<Catalogue, MapIndex>();

/** Built once per catalogue: every product and producer page's small map reads the same collection. */
export function cachedMapIndex(catalogue: Catalogue): MapIndex {
  let index = built.get(catalogue);
  if (!index) {
    const collection = mapFeatures(catalogue);
    index = {
      collection,
      byId: new Map(collection.features.map((feature) => [feature.properties.id, feature])),
      pointsOfSale: collection.features.filter((feature) => feature.properties.kind === 'point-of-sale'),
    };
    built.set(catalogue, index);
  }
  return index;
}

export const cachedMapFeatures = (catalogue: Catalogue): MapFeatureCollection => cachedMapIndex(catalogue).collection;
