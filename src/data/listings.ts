import { placeName } from '../lib/address.ts';
import { PRODUCT_GROUPS } from '../lib/groups.ts';
import { LISTING_SORTS, listingTail, paginate, sortListing, type ListingPage, type ListingSort } from '../lib/listing.ts';
import { pagePath, type Locale, type PageKind } from '../lib/paths.ts';
import { STAR_LEVELS } from '../lib/stars.ts';
import { slugify } from '../lib/text.ts';
import { getCatalogue, type Product } from './catalogue.ts';
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

function groupBy(products: Product[], key: (product: Product) => string | undefined): Map<string, Product[]> {
  const groups = new Map<string, Product[]>();
  for (const product of products) {
    const name = key(product);
    if (name) groups.set(name, [...(groups.get(name) ?? []), product]);
  }
  return groups;
}

let cached: Promise<Listing[]> | undefined;

/** Every listing with at least one product. Both today's and the certified province names resolve. */
export function getListings(): Promise<Listing[]> {
  cached ??= (async () => {
    const { products } = await getCatalogue();
    const listings: Listing[] = [];
    const today = groupBy(products, (p) => p.currentProvince);
    for (const [name, list] of today) {
      const certifiedIn = [...new Set(list.map((p) => p.province))].sort();
      listings.push({ kind: 'province', id: provinceListingId(name), name, context: certifiedIn, products: list });
    }
    for (const [name, list] of groupBy(products, (p) => p.province)) {
      if (!today.has(name)) listings.push({ kind: 'province', id: provinceListingId(name), name, context: [list[0].currentProvince], products: list });
    }
    for (const [key, list] of groupBy(products, (p) => (p.district ? `${p.province}|${p.district}` : undefined))) {
      const [province, district] = key.split('|');
      listings.push({ kind: 'district', id: districtListingId(province, district), name: district, context: [province], products: list });
    }
    for (const group of PRODUCT_GROUPS) {
      const list = products.filter((p) => p.data.group === group);
      if (list.length) listings.push({ kind: 'group', id: group, name: group, products: list });
    }
    for (const stars of [...STAR_LEVELS].reverse()) {
      const list = products.filter((p) => p.data.stars === stars);
      if (list.length) listings.push({ kind: 'stars', id: String(stars), name: String(stars), products: list });
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

/** getStaticPaths for one listing kind in one locale: every sort and page gets its own URL. */
export async function listingPaths(kind: ListingKind, locale: Locale) {
  const listings = (await getListings()).filter((listing) => listing.kind === kind);
  return listings.flatMap((listing) =>
    LISTING_SORTS.flatMap((sort) =>
      paginate(sortListing(listing.products, sort, (p) => ({ name: p.data.name, stars: p.data.stars, potentialFiveStar: p.data.potentialFiveStar }))).map(
        (page) => ({
          params: { id: listing.id, rest: listingTail(sort, page.page, NAME_SEGMENT[locale]).replace(/\/$/, '') || undefined },
          props: { listing, sort, page } satisfies ListingPageProps,
        }),
      ),
    ),
  );
}
