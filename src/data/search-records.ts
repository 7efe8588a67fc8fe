import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import { placeName } from '../lib/address.ts';
import { productPath } from '../lib/paths.ts';
import { searchSortKeys } from '../lib/search.ts';
import { vietnameseNameParts, type SearchRecord } from '../lib/search-record.ts';
import { displayName, getCatalogue, type Product } from './catalogue.ts';
import { productEnglishName } from './glossary.ts';
import { SCHEME_LABELS, certificationSchemes, hasWholesaleContact } from '../lib/supply.ts';

/** Products share a few illustrations; each thumbnail is made once per build, not once per product. */
const thumbnails = new Map<ImageMetadata, Promise<string>>();
function thumbnail(image: ImageMetadata): Promise<string> {
  let src = thumbnails.get(image);
  if (!src) thumbnails.set(image, (src = getImage({ src: image, width: 160, height: 120, format: 'webp' }).then((result) => result.src)));
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

/** What the search index holds for a product in one language: filters, sort keys and result metadata. */
export async function productSearchRecord(product: Product, locale: Locale): Promise<SearchRecord> {
  const t = useTranslations(locale);
  const { data, producer } = product;
  const place = [product.district, product.province].filter(Boolean).join(', ');
  const schemes = certificationSchemes(product.supply).map((scheme) => SCHEME_LABELS[scheme]);
  return {
    url: productPath(product.slug, locale),
    locale,
    title: displayName(product, locale),
    ...productSearchTexts(product, locale),
    filters: {
      province: product.currentProvince,
      certifiedProvince: product.province,
      district: product.district ? `${placeName(product.district)} (${product.province})` : undefined,
      stars: t('stars.label', { stars: data.stars }),
      group: t(`group.${data.group}`),
      producerKind: t(`producer.kind.${producer.data.kind}`),
      certificate: t(`certificate.state.${product.validity.state}`),
      online: t(product.purchasable ? 'search.online.yes' : 'search.online.no'),
      wholesale: t(hasWholesaleContact(product.supply) ? 'search.wholesale.yes' : 'search.wholesale.no'),
      // One value per scheme held; "none given" keeps the filter honest while no facts are published.
      quality: schemes.length ? schemes : t('search.quality.none'),
    },
    sort: searchSortKeys({ ...data, certifiedOn: product.certifiedOn }),
    meta: {
      image: await thumbnail(product.image),
      stars: String(data.stars),
      potential: data.potentialFiveStar ? '1' : '0',
      producer: producer.data.name,
      place,
    },
  };
}

export async function searchRecords(locale: Locale): Promise<SearchRecord[]> {
  const { products } = await getCatalogue();
  return Promise.all(products.map((product) => productSearchRecord(product, locale)));
}
