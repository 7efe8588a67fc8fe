import { producerPath, productPath } from '../lib/paths.ts';
import { shortLinkTable } from '../lib/short-links.ts';
import { getCatalogue } from './catalogue.ts';

let table: Promise<Map<string, string>> | undefined;

/** code → page path for every product and producer, built once per server process. */
export function getShortLinks(): Promise<Map<string, string>> {
  table ??= getCatalogue().then(({ products, producers }) =>
    shortLinkTable([
      ...products.map((product) => ({ kind: 'product' as const, id: product.id, target: productPath(product.slug) })),
      ...producers.map((producer) => ({ kind: 'producer' as const, id: producer.id, target: producerPath(producer.id) })),
    ]),
  );
  return table;
}
