/**
 * schema.org JSON-LD for search engines and link previews. Builders take plain values and absolute
 * URLs; pages decide what to pass.
 */
export type JsonLd = Record<string, unknown>;

export interface ProductFacts {
  name: string;
  alternateName?: string;
  url: string;
  image: string;
  description: string;
  stars: number;
  groupLabel: string;
  producer: { name: string; url: string };
  /** Only real offers: a price in đồng that can be bought here. */
  offer?: { price: number; url: string; inStock: boolean };
}

export function productJsonLd(product: ProductFacts): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    ...(product.alternateName && { alternateName: product.alternateName }),
    url: product.url,
    image: product.image,
    description: product.description,
    category: product.groupLabel,
    brand: { '@type': 'Brand', name: product.producer.name },
    manufacturer: { '@type': 'Organization', name: product.producer.name, url: product.producer.url },
    additionalProperty: { '@type': 'PropertyValue', name: 'OCOP', value: `${product.stars}★` },
    ...(product.offer && {
      offers: {
        '@type': 'Offer',
        price: product.offer.price,
        priceCurrency: 'VND',
        url: product.offer.url,
        availability: product.offer.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      },
    }),
  };
}

export interface ProducerFacts {
  name: string;
  url: string;
  kind: 'cooperative' | 'cooperative-group' | 'enterprise' | 'household';
  address: { street?: string; locality?: string; region: string };
  geo?: { lat: number; lng: number };
  telephone?: string;
  email?: string;
  sameAs: string[];
}

/** Enterprises and cooperatives are organisations; household businesses are local businesses. */
export function producerJsonLd(producer: ProducerFacts): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': producer.kind === 'household' ? 'LocalBusiness' : 'Organization',
    name: producer.name,
    url: producer.url,
    address: {
      '@type': 'PostalAddress',
      ...(producer.address.street && { streetAddress: producer.address.street }),
      ...(producer.address.locality && { addressLocality: producer.address.locality }),
      addressRegion: producer.address.region,
      addressCountry: 'VN',
    },
    ...(producer.geo && producer.kind === 'household' && { geo: { '@type': 'GeoCoordinates', latitude: producer.geo.lat, longitude: producer.geo.lng } }),
    ...(producer.telephone && { telephone: producer.telephone }),
    ...(producer.email && { email: producer.email }),
    ...(producer.sameAs.length && { sameAs: producer.sameAs }),
  };
}

export function breadcrumbJsonLd(items: Array<{ name: string; url: string }>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

/** JSON for a <script> element: "<" is escaped so content can never close the element. */
export const jsonLdScript = (data: JsonLd[]) => JSON.stringify(data.length === 1 ? data[0] : data).replace(/</g, '\\u003c');
