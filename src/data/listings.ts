import { placeName } from '../lib/address.ts';
import { PRODUCT_GROUPS } from '../lib/groups.ts';
import { listingTail, pageOf, parseListingTail, sortListing, type ListingPage, type ListingSort } from '../lib/listing.ts';
import { pagePath, type Locale, type PageKind } from '../lib/paths.ts';
import { STAR_LEVELS } from '../lib/stars.ts';
import { slugify } from '../lib/text.ts';
import { displayName, districtKey, getCatalogue, groupBy, type Product } from './catalogue.ts';
import type { Translate, UiKey } from '../i18n/ui.ts';

/** A browsable slice of the catalogue: a province, a district as certified, a group or a star level. */
export type ListingKind = Extract<PageKind, 'province' | 'district' | 'group' | 'stars'>;

export interface Listing {
  kind: ListingKind;
  id: string;
  /** Province or district name, group id or star level; pages translate what needs it. */
  name: string;
  /** For a province: which provinces it was certified under; for a district: its province. */
  context?: string[];
  products: Product[];
}

const NAME_SEGMENT: Record<Locale, string> = { vi: 'ten', en: 'name' };

/** Listing ids, shared by the routes and every link to them. */
export const provinceListingId = (province: string) => slugify(province);
export const districtListingId = (province: string, district: string) => slugify(`${province} ${placeName(district)}`);

/** What a listing is called in running text: a province or district name, a group, "4 sao". */
export function listingLabel(listing: Pick<Listing, 'kind' | 'name'>, t: Translate): string {
  if (listing.kind === 'group') return t(`group.${listing.name}` as UiKey);
  if (listing.kind === 'stars') return t('stars.label', { stars: listing.name });
  return listing.name;
}


let cached: Promise<Listing[]> | undefined;

/** Every listing with at least one listed product. Both today's and the certified province names resolve. */
export function getListings(): Promise<Listing[]> {
  cached ??= (async () => {
    const { listedProducts: products } = await getCatalogue();
    const listings: Listing[] = [];
    const today = groupBy(products, (p) => p.currentProvince);
    for (const [name, list] of today) {
      const certifiedIn = [...new Set(list.map((p) => p.province))].sort();
      listings.push({ kind: 'province', id: provinceListingId(name), name, context: certifiedIn, products: list });
    }
    for (const [name, list] of groupBy(products, (p) => p.province)) {
      if (!today.has(name)) listings.push({ kind: 'province', id: provinceListingId(name), name, context: [list[0].currentProvince], products: list });
    }
    for (const [key, list] of groupBy(products, districtKey)) {
      const [province, district] = key.split('|');
      listings.push({ kind: 'district', id: districtListingId(province, district), name: district, context: [province], products: list });
    }
    const byGroup = groupBy(products, (p) => p.data.group);
    for (const group of PRODUCT_GROUPS) {
      const list = byGroup.get(group);
      if (list) listings.push({ kind: 'group', id: group, name: group, products: list });
    }
    const byStars = groupBy(products, (p) => String(p.data.stars));
    for (const stars of [...STAR_LEVELS].reverse()) {
      const list = byStars.get(String(stars));
      if (list) listings.push({ kind: 'stars', id: String(stars), name: String(stars), products: list });
    }
    return listings;
  })();
  return cached;
}

export interface ListingPageProps {
  listing: Listing;
  sort: ListingSort;
  page: ListingPage<Product>;
}

export const listingUrl = (listing: Pick<Listing, 'kind' | 'id'>, locale: Locale, sort: ListingSort = 'stars', page = 1) =>
  `${pagePath(listing.kind, locale, listing.id)}${listingTail(sort, page, NAME_SEGMENT[locale])}`;

const listingIndex = new Map<string, Listing>();
const sorted = new Map<string, Product[]>();

/** A listing by kind and id, or undefined; found through an index built once per server process. */
export async function findListing(kind: ListingKind, id: string): Promise<Listing | undefined> {
  if (!listingIndex.size) for (const listing of await getListings()) listingIndex.set(`${listing.kind}/${listing.id}`, listing);
  return listingIndex.get(`${kind}/${id}`);
}

/** English listings sort by the English names they show. */
function sortedProducts(listing: Listing, sort: ListingSort, locale: Locale): Product[] {
  const key = `${listing.kind}/${listing.id}/${sort}/${locale}`;
  let list = sorted.get(key);
  if (!list) {
    list = sortListing(listing.products, sort, (p) => ({ name: displayName(p, locale), stars: p.data.stars, potentialFiveStar: p.data.potentialFiveStar }));
    sorted.set(key, list);
  }
  return list;
}

/**
 * The page a listing URL asks for (`/tinh/an-giang/`, `…/ten/3/`), rendered on demand. Only the
 * canonical forms resolve: `…/1/` or a page past the end is not found.
 */
export async function findListingPage(kind: ListingKind, id: string, rest: string | undefined, locale: Locale): Promise<ListingPageProps | undefined> {
  const listing = await findListing(kind, id);
  const tail = parseListingTail(rest, NAME_SEGMENT[locale]);
  if (!listing || !tail) return undefined;
  const page = pageOf(sortedProducts(listing, tail.sort, locale), tail.page);
  return page && { listing, sort: tail.sort, page };
}

/** The district listings within a province listing (by the provinces its products were certified in). */
export async function districtsOf(listing: Listing): Promise<Listing[]> {
  if (listing.kind !== 'province') return [];
  const certifiedIn = new Set(listing.products.map((product) => product.province));
  return (await getListings()).filter((other) => other.kind === 'district' && certifiedIn.has(other.context?.[0] ?? ''));
}
