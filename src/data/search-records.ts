import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import { placeName } from '../lib/address.ts';
import { productPath } from '../lib/paths.ts';
import { searchSortKeys } from '../lib/search.ts';
import type { SearchRecord } from '../lib/search-record.ts';
import { getCatalogue, type Product } from './catalogue.ts';

/** Products share a few illustrations; each thumbnail is made once per build, not once per product. */
const thumbnails = new Map<ImageMetadata, Promise<string>>();
function thumbnail(image: ImageMetadata): Promise<string> {
  let src = thumbnails.get(image);
  if (!src) thumbnails.set(image, (src = getImage({ src: image, width: 160, height: 120, format: 'webp' }).then((result) => result.src)));
  return src;
}

/** What the search index holds for a product in one language: filters, sort keys and result metadata. */
export async function productSearchRecord(product: Product, locale: Locale): Promise<SearchRecord> {
  const t = useTranslations(locale);
  const { data, producer } = product;
  const place = [product.district, product.province].filter(Boolean).join(', ');
  const title = locale === 'en' && data.nameEn ? data.nameEn : data.name;
  return {
    url: productPath(product.slug, locale),
    locale,
    title,
    vietnameseName: data.name,
    otherNames: [data.name, data.nameEn].filter((name): name is string => Boolean(name) && name !== title),
    context: [t(`group.${data.group}`), producer.data.name, producer.data.address.asWritten, product.currentProvince, t('stars.label', { stars: data.stars })],
    filters: {
      province: product.currentProvince,
      certifiedProvince: product.province,
      district: product.district ? `${placeName(product.district)} (${product.province})` : undefined,
      stars: t('stars.label', { stars: data.stars }),
      group: t(`group.${data.group}`),
      producerKind: t(`producer.kind.${producer.data.kind}`),
      certificate: t(`certificate.state.${product.validity.state}`),
      online: t(product.purchasable ? 'search.online.yes' : 'search.online.no'),
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
