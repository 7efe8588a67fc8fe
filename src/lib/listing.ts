/** Ordering and paging of product listings; pages get stable URLs per sort and page number. */
export const LISTING_SORTS = ['stars', 'name'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];
export const PAGE_SIZE = 24;

export interface Listable {
  name: string;
  stars: number;
  potentialFiveStar: boolean;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const byName = (a: Listable, b: Listable) => collator.compare(a.name, b.name);

/** Stars first (a potential five-star ranks above other 4-star products), then name. */
export const byStars = (a: Listable, b: Listable) =>
  b.stars - a.stars || Number(b.potentialFiveStar) - Number(a.potentialFiveStar) || byName(a, b);

export function sortListing<T>(items: readonly T[], sort: ListingSort, view: (item: T) => Listable): T[] {
  const compare = sort === 'name' ? byName : byStars;
  return [...items].sort((a, b) => compare(view(a), view(b)));
}

export interface ListingPage<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
  /** 1-based position of the first item, for "showing 25–48 of 126". */
  first: number;
  last: number;
}

export const pageCountOf = (total: number, pageSize = PAGE_SIZE) => Math.max(1, Math.ceil(total / pageSize));

/** One page (1-based) of a sorted list, or undefined past the last page. */
export function pageOf<T>(items: readonly T[], page: number, pageSize = PAGE_SIZE): ListingPage<T> | undefined {
  const pageCount = pageCountOf(items.length, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  const index = page - 1;
  const slice = items.slice(index * pageSize, page * pageSize);
  return { items: slice, page, pageCount, total: items.length, first: items.length ? index * pageSize + 1 : 0, last: index * pageSize + slice.length };
}


/** The URL tail after a listing's own path: "", "2/", "ten/", "ten/2/" (vi) or "name/2/" (en). */
export function listingTail(sort: ListingSort, page: number, nameSegment: string): string {
  const sortPart = sort === 'name' ? `${nameSegment}/` : '';
  return `${sortPart}${page > 1 ? `${page}/` : ''}`;
}

/**
 * The inverse of listingTail, for URLs rendered on demand: "" → stars, page 1; "ten/3" → name,
 * page 3. Only canonical forms parse: "1/", "ten/1/", "0/" and unknown segments give undefined.
 */
export function parseListingTail(rest: string | undefined, nameSegment: string): { sort: ListingSort; page: number } | undefined {
  const match = /^(?:([a-z]+)(?:\/|$))?(?:([1-9]\d*)\/?)?$/.exec(rest ?? '');
  if (!match) return undefined;
  const [, segment, number] = match;
  if ((segment && segment !== nameSegment) || number === '1') return undefined;
  return { sort: segment ? 'name' : 'stars', page: number ? Number(number) : 1 };
}
