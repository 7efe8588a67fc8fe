import { getCatalogue, type Product } from '../data/catalogue.ts';
import type { CatalogueProduct } from '../lib/commerce/checkout-request.ts';

/** The catalogue as checkout sees it: the server's own prices, names and purchasability. */
export function toCatalogueProduct(product: Product): CatalogueProduct {
  return {
    id: product.id,
    name: product.data.name,
    unit: product.data.price?.unit ?? '',
    price: product.data.price?.amount,
    purchasable: product.purchasable,
    producerId: product.producer.id,
    producerName: product.producer.data.name,
    imagePath: product.image.src,
  };
}

export async function catalogueLookup(): Promise<(id: string) => CatalogueProduct | undefined> {
  const catalogue = await getCatalogue();
  const byId = new Map(catalogue.products.map((product) => [product.id, toCatalogueProduct(product)]));
  return (id) => byId.get(id);
}
