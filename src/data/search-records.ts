import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import { placeName } from '../lib/address.ts';
import { SEARCH_THUMBNAIL } from '../lib/image-variants.ts';
import { productPath } from '../lib/paths.ts';
import { searchSortKeys } from '../lib/search.ts';
import type { SearchEntry } from '../lib/search-entries.ts';
import { vietnameseNameParts, type SearchRecord } from '../lib/search-record.ts';
import { displayName, getCatalogue, type Product } from './catalogue.ts';
import { productEnglishName } from './glossary.ts';
import { pictureSrc } from './product-picture.ts';
import { SCHEME_LABELS, certificationSchemes, hasWholesaleContact } from '../lib/supply.ts';

/** Products share a few illustrations; each thumbnail is made once per build, not once per product. */
const thumbnails = new Map<ImageMetadata, Promise<string>>();
function thumbnail(image: ImageMetadata): Promise<string> {
  let src = thumbnails.get(image);
  if (!src) thumbnails.set(image, (src = getImage({ src: image, ...SEARCH_THUMBNAIL }).then((result) => result.src)));
  return src;
}

/** The words a product is found by, in one language: what it is, its names, and (weighted little) its context. */
export type SearchTexts = Pick<SearchRecord, 'kind' | 'lead' | 'names' | 'context'>;

export function productSearchTexts(product: Product, locale: Locale): SearchTexts {
  const t = useTranslations(locale);
  const { data, producer } = product;
  const vietnamese = vietnameseNameParts(data.name);
  const english = product.english?.name;
  // English records weigh what the product is in English: the glossary's reading of the Vietnamese kind.
  const englishKind = productEnglishName(vietnamese.kind)?.name ?? english ?? data.name;
  const parts =
    locale === 'vi'
      ? { kind: vietnamese.kind, lead: vietnamese.lead, names: [vietnamese.rest] }
      : // English puts the head noun last: "black rice" is rice, "rice paper" is paper.
        { kind: englishKind, lead: englishKind.split(/\s+/).filter((word) => /\p{L}/u.test(word)).at(-1), names: [english ?? '', data.name] };
  return {
    ...parts,
    context: [
      // On Vietnamese records the English name only helps visitors who type English there.
      ...(locale === 'vi' && english ? [english] : []),
      t(`group.${data.group}`),
      producer.data.name,
      producer.data.address.asWritten,
      product.currentProvince,
      t('stars.label', { stars: data.stars }),
    ],
  };
}

/** A product as the server's search reads it in one language: its result, filter values and sort keys. */
export async function productSearchEntry(product: Product, locale: Locale): Promise<Omit<SearchEntry, 'rank'>> {
  const t = useTranslations(locale);
  const { data, producer } = product;
  const schemes = certificationSchemes(product.supply).map((scheme) => SCHEME_LABELS[scheme]);
  return {
    hit: {
      url: productPath(product.slug, locale),
      title: displayName(product, locale),
      stars: data.stars,
      potential: data.potentialFiveStar,
      producer: producer.data.name,
      place: [product.district, product.province].filter(Boolean).join(', '),
      image: data.photos.length ? pictureSrc(product, 320) : await thumbnail(product.illustration),
    },
    filters: {
      province: [product.currentProvince],
      certifiedProvince: [product.province],
      ...(product.district && { district: [`${placeName(product.district)} (${product.province})`] }),
      stars: [t('stars.label', { stars: data.stars })],
      group: [t(`group.${data.group}`)],
      producerKind: [t(`producer.kind.${producer.data.kind}`)],
      certificate: [t(`certificate.state.${product.validity.state}`)],
      online: [t(product.purchasable ? 'search.online.yes' : 'search.online.no')],
      wholesale: [t(hasWholesaleContact(product.supply) ? 'search.wholesale.yes' : 'search.wholesale.no')],
      // One value per scheme held; "none given" keeps the filter honest while no facts are published.
      quality: schemes.length ? schemes : [t('search.quality.none')],
    },
    sort: searchSortKeys({ ...data, certifiedOn: product.certifiedOn }),
  };
}

/** What the search index holds for a product in one language: its words, filters, sort keys and result metadata. */
export async function productSearchRecord(product: Product, locale: Locale): Promise<SearchRecord> {
  const { hit, filters, sort } = await productSearchEntry(product, locale);
  return {
    url: hit.url,
    locale,
    title: hit.title,
    ...productSearchTexts(product, locale),
    filters,
    sort,
    meta: { image: hit.image, stars: String(hit.stars), potential: hit.potential ? '1' : '0', producer: hit.producer, place: hit.place },
  };
}

/** Listed products only: a revoked certificate leaves both languages' indexes. */
export async function searchRecords(locale: Locale): Promise<SearchRecord[]> {
  const { listedProducts } = await getCatalogue();
  return Promise.all(listedProducts.map((product) => productSearchRecord(product, locale)));
}
