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
    (catalogue.productsByProducer.get(producerId) ?? []).map(({ slug, data }) => ({
      slug,
      name: data.name,
      ...(data.nameEn ? { nameEn: data.nameEn } : {}),
      stars: data.stars,
      group: data.group,
    }));
  return buildMapFeatures({
    today: catalogue.today,
    producers: catalogue.producers.map(({ id, data }) => ({ id, name: data.name, ...placeOf(data.address, data.geo), products: productsOf(id) })),
    pointsOfSale: catalogue.pointsOfSale.map(({ id, data }) => ({
      id,
      name: data.name,
      kind: data.kind,
      openingHours: data.openingHours,
      ...placeOf(data.address, data.geo),
      producerIds: data.carries.producers.map(refId),
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
      booths: data.booths.map((booth) => ({ producerId: refId(booth.producer), label: booth.label })),
    })),
  });
}

const built = new WeakMap<Catalogue, MapFeatureCollection>();

/** Built once per catalogue: every product and producer page's small map reads the same collection. */
export function cachedMapFeatures(catalogue: Catalogue): MapFeatureCollection {
  let collection = built.get(catalogue);
  if (!collection) built.set(catalogue, (collection = mapFeatures(catalogue)));
  return collection;
}
