import { districtKey, type Catalogue, type Product } from './catalogue.ts';

/** Points of sale that carry the product or its producer, and upcoming fairs where the producer has a booth. */
export function whereToBuy(catalogue: Catalogue, product: Product) {
  const carries = (refs: Array<{ id: string }>, id: string) => refs.some((ref) => ref.id === id);
  const pointsOfSale = catalogue.pointsOfSale.filter(
    ({ data }) => carries(data.carries.products, product.id) || carries(data.carries.producers, product.producer.id),
  );
  const booths = catalogue.events
    .filter(({ data }) => (data.endDate ?? data.startDate ?? `${data.year}-12-31`) >= catalogue.today)
    .flatMap((event) =>
      event.data.booths.filter((booth) => booth.producer.id === product.producer.id).map((booth) => ({ event, label: booth.label })),
    );
  return { pointsOfSale, booths };
}

/** Other products certified in the same district, best rated first. */
export function sameDistrict(catalogue: Catalogue, product: Product, limit = 6): Product[] {
  const key = districtKey(product);
  if (!key) return [];
  return (catalogue.productsByDistrict.get(key) ?? [])
    .filter((p) => p.producer.id !== product.producer.id)
    .sort((a, b) => b.data.stars - a.data.stars)
    .slice(0, limit);
}
