import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { certificateValidity, isListed, type CertificateValidity } from '../lib/certificate.ts';
import { todayInVietnam } from '../lib/dates.ts';
import { ContentIntegrityError, findIntegrityProblems } from '../lib/integrity.ts';
import type { ProductGroup } from '../lib/groups.ts';
import { placeName } from '../lib/address.ts';
import type { EnglishName } from '../lib/english-name.ts';
import { productEnglishName } from './glossary.ts';
import { effectiveSupply, type SupplyFacts } from '../lib/supply.ts';

/**
 * The whole catalogue, loaded once per build: collections joined, references checked, certificate
 * validity worked out for today. Pages take what they need from here and only arrange it.
 */
export type ProductEntry = CollectionEntry<'products'>;
export type ProducerEntry = CollectionEntry<'producers'>;
/** An official document (content/sources/<id>.yaml). */
export type SourceDocumentEntry = CollectionEntry<'sources'>;

export interface Product {
  id: string;
  slug: string;
  data: ProductEntry['data'];
  /** Written nameEn, or derived from the glossary (then labelled a translation); undefined only when neither exists. */
  english?: EnglishName;
  producer: ProducerEntry;
  validity: CertificateValidity;
  purchasable: boolean;
  /** Issue day, or the day of the list it appears in when that is all the source gives. */
  certifiedOn: string;
  /** The group's illustration, shown in place of a photo while the product has none (`data.photos`). */
  illustration: ImageMetadata;
  district?: string;
  province: string;
  currentProvince: string;
  /** The product's story as HTML, rendered from its Markdown body when the content layer synced. */
  story?: string;
  /** The story as written in the product file (Markdown), for the producer's update form. */
  storyText?: string;
  /** Supply facts for buyers: the product's own, the producer's where the product gives none. */
  supply: SupplyFacts;
}

export type OcopOffice = NonNullable<CollectionEntry<'regions'>['data']['ocopOffice']>;

export interface Catalogue {
  today: string;
  /** Every product file, revoked ones too: their pages stay reachable at the same address. */
  products: Product[];
  /**
   * The products shown as OCOP products (src/lib/certificate.ts, isListed: all but revoked ones).
   * Listings, search, the map, the cart, sitemaps, downloads and counts take them from here.
   */
  listedProducts: Product[];
  productBySlug: Map<string, Product>;
  producers: ProducerEntry[];
  producerById: Map<string, ProducerEntry>;
  /** Listed products by producer. */
  productsByProducer: Map<string, Product[]>;
  /** Listed products by district as certified (`province|district`), so pages never scan the whole catalogue. */
  productsByDistrict: Map<string, Product[]>;
  pointsOfSale: CollectionEntry<'pointsOfSale'>[];
  events: CollectionEntry<'events'>[];
  regions: CollectionEntry<'regions'>[];
  /** The OCOP office the reports name, by province as certified ("An Giang"). */
  officeByProvince: Map<string, OcopOffice>;
  /** The official documents, oldest first. */
  sources: SourceDocumentEntry[];
  sourceById: Map<string, SourceDocumentEntry>;
}

const placeholders = import.meta.glob<{ default: ImageMetadata }>('../assets/placeholders/*.png', { eager: true });

export function placeholderFor(group: ProductGroup): ImageMetadata {
  return placeholders[`../assets/placeholders/${group}.png`].default;
}

/** Builds may pin "today" (OCOP_TODAY=YYYY-MM-DD) so certificate states are reproducible. */
const today = () => process.env.OCOP_TODAY ?? todayInVietnam();

let loading: Promise<Catalogue> | undefined;

export function getCatalogue(): Promise<Catalogue> {
  loading ??= loadCatalogue();
  return loading;
}

/** The key of `productsByDistrict`; undefined for products whose district is not known. */
export const districtKey = (product: Pick<Product, 'district' | 'province'>) =>
  product.district ? `${product.province}|${product.district}` : undefined;

/** Whether a product is shown as an OCOP product (not revoked): the one test behind `listedProducts`. */
export const isListedProduct = (product: Pick<Product, 'data'>) => isListed(product.data.certificate);

/** Items by key, each list in the items' order; items without a key are left out. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    if (name === undefined) continue;
    const list = groups.get(name);
    if (list) list.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

const byName = (a: { data: { name: string } }, b: { data: { name: string } }) => a.data.name.localeCompare(b.data.name, 'vi');

async function loadCatalogue(): Promise<Catalogue> {
  const [productEntries, producers, pointsOfSale, events, regions, sources] = await Promise.all([
    getCollection('products'),
    getCollection('producers'),
    getCollection('pointsOfSale'),
    getCollection('events'),
    getCollection('regions'),
    getCollection('sources'),
  ]);
  const problems = findIntegrityProblems({ products: productEntries, producers, pointsOfSale, events, sources });
  if (problems.length) throw new ContentIntegrityError(problems);

  const day = today();
  const producerById = new Map(producers.map((producer) => [producer.id, producer]));
  const products = productEntries
    .map((entry): Product => {
      const producer = producerById.get(entry.data.producer.id)!;
      const validity = certificateValidity(entry.data.certificate, day);
      // A product made away from its producer's address is listed where it is made.
      const place = entry.data.origin ?? producer.data.address;
      return {
        id: entry.id,
        slug: entry.data.slug,
        data: entry.data,
        english: productEnglishName(entry.data.name, entry.data.nameEn),
        producer,
        validity,
        purchasable: validity.state === 'valid' && entry.data.price !== undefined,
        certifiedOn: entry.data.certificate.issuedOn ?? entry.data.certificate.issuedBy ?? '',
        illustration: placeholderFor(entry.data.group),
        district: place.district,
        province: placeName(place.province),
        currentProvince: producer.data.address.currentProvince,
        story: entry.rendered?.html.trim() || undefined,
        storyText: entry.body?.trim() || undefined,
        supply: effectiveSupply(entry.data.supply, producer.data.supply),
      };
    })
    .sort(byName);
  const listedProducts = products.filter(isListedProduct);

  return {
    today: day,
    products,
    listedProducts,
    productBySlug: new Map(products.map((product) => [product.slug, product])),
    producers: producers.sort(byName),
    producerById,
    productsByProducer: groupBy(listedProducts, (product) => product.producer.id),
    productsByDistrict: groupBy(listedProducts, districtKey),
    pointsOfSale,
    events,
    regions,
    officeByProvince: new Map(regions.flatMap((r) => (r.data.ocopOffice ? [[r.data.name, r.data.ocopOffice] as const] : []))),
    sources: sources.sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id)),
    sourceById: new Map(sources.map((source) => [source.id, source])),
  };
}

/** The product whose page is /san-pham/<slug>/, or undefined. */
export async function findProduct(slug: string): Promise<Product | undefined> {
  return (await getCatalogue()).productBySlug.get(slug);
}

/** The producer whose page is /chu-the/<id>/, or undefined. */
export async function findProducer(id: string): Promise<ProducerEntry | undefined> {
  return (await getCatalogue()).producerById.get(id);
}

/** The document a product, producer or place cites; undefined for sample data. */
export const citedDocument = (catalogue: Pick<Catalogue, 'sourceById'>, source: { document: string }) =>
  catalogue.sourceById.get(source.document);

/** The product's name to show in a locale: English pages prefer the English name. */
export function displayName(product: Pick<Product, 'data' | 'english'>, locale: 'vi' | 'en'): string {
  return locale === 'en' && product.english ? product.english.name : product.data.name;
}
