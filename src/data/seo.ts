import { producerPath, productPath, homePath, type Locale } from '../lib/paths.ts';
import { breadcrumbJsonLd, producerJsonLd, productJsonLd, type JsonLd } from '../lib/structured-data.ts';
import { useTranslations } from '../i18n/ui.ts';
import { displayName, isListedProduct, type Product, type ProducerEntry } from './catalogue.ts';
import { districtListingId, listingUrl, provinceListingId } from './listings.ts';
import { pictureSrc } from './product-picture.ts';

/** Open Graph locales of the two languages (og:locale and og:locale:alternate). */
export const OG_LOCALES = { vi: 'vi_VN', en: 'en_GB' } as const;

/** Breadcrumb trail of a product: home › today's province › district as certified › product. */
export function productBreadcrumbs(product: Product, locale: Locale) {
  const t = useTranslations(locale);
  return [
    { name: t('nav.home'), url: homePath(locale) },
    { name: product.currentProvince, url: listingUrl({ kind: 'province', id: provinceListingId(product.currentProvince) }, locale) },
    ...(product.district
      ? [{ name: product.district, url: listingUrl({ kind: 'district', id: districtListingId(product.province, product.district) }, locale) }]
      : []),
    { name: displayName(product, locale), url: productPath(product.slug, locale) },
  ];
}

const absolute = (url: string, site: URL) => new URL(url, site).href;

/** A revoked product's page gets its breadcrumbs only: no Product claiming an OCOP rating, no offer. */
export function productStructuredData(product: Product, locale: Locale, site: URL): JsonLd[] {
  const t = useTranslations(locale);
  const { data, producer } = product;
  const breadcrumbs = breadcrumbJsonLd(productBreadcrumbs(product, locale).map((item) => ({ ...item, url: absolute(item.url, site) })));
  if (!isListedProduct(product)) return [breadcrumbs];
  return [
    productJsonLd({
      name: displayName(product, locale),
      // The name in the page's language; the other language's name as the alternate.
      alternateName: locale === 'en' ? data.name : product.english?.name,
      url: absolute(productPath(product.slug, locale), site),
      // Its photo when it has one (the largest JPEG), else the preview card that draws its illustration.
      image: absolute(data.photos.length ? pictureSrc(product, 1600) : `/og/${product.slug}.png`, site),
      description: `${displayName(product, locale)} – OCOP ${t('stars.label', { stars: data.stars })}, ${producer.data.name}, ${product.province}.`,
      stars: data.stars,
      groupLabel: t(`group.${data.group}`),
      producer: { name: producer.data.name, url: absolute(producerPath(producer.id, locale), site) },
      offer: data.price ? { price: data.price.amount, url: absolute(productPath(product.slug, locale), site), inStock: product.purchasable } : undefined,
    }),
    breadcrumbs,
  ];
}

export function producerStructuredData(producer: ProducerEntry, locale: Locale, site: URL): JsonLd[] {
  const t = useTranslations(locale);
  const { data } = producer;
  const url = absolute(producerPath(producer.id, locale), site);
  return [
    producerJsonLd({
      name: data.name,
      url,
      kind: data.kind,
      address: {
        street: [data.address.street, data.address.hamlet, data.address.commune].filter(Boolean).join(', ') || undefined,
        locality: data.address.district,
        region: data.address.province,
      },
      geo: data.geo.precision === 'exact' ? data.geo : undefined,
      telephone: data.contacts.phone,
      email: data.contacts.email,
      sameAs: [data.contacts.website, data.contacts.facebook].filter((link): link is string => Boolean(link)),
    }),
    breadcrumbJsonLd([
      { name: t('nav.home'), url: absolute(homePath(locale), site) },
      { name: data.address.currentProvince, url: absolute(listingUrl({ kind: 'province', id: provinceListingId(data.address.currentProvince) }, locale), site) },
      { name: data.name, url },
    ]),
  ];
}

