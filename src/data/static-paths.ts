import { getCatalogue } from './catalogue.ts';

/** getStaticPaths shared by each locale's copy of a route. */
export async function productPaths() {
  const { products } = await getCatalogue();
  return products.map((product) => ({ params: { slug: product.slug }, props: { product } }));
}

export async function producerPaths() {
  const { producers } = await getCatalogue();
  return producers.map((producer) => ({ params: { id: producer.id }, props: { producer } }));
}
