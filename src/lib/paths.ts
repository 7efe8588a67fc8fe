/**
 * Public URLs of every page in both locales, in one place so links, routes, hreflang pairs and the
 * language switch agree. Vietnamese is the default locale and has no prefix.
 */
export type Locale = 'vi' | 'en';

const SEGMENTS = {
  product: { vi: 'san-pham', en: 'en/products' },
  producer: { vi: 'chu-the', en: 'en/producers' },
  province: { vi: 'tinh', en: 'en/provinces' },
  district: { vi: 'huyen', en: 'en/districts' },
  group: { vi: 'nhom', en: 'en/groups' },
  stars: { vi: 'hang-sao', en: 'en/stars' },
  search: { vi: 'tim-kiem', en: 'en/search' },
  statistics: { vi: 'thong-ke', en: 'en/statistics' },
  data: { vi: 'du-lieu', en: 'en/data' },
  buyers: { vi: 'cho-nguoi-mua', en: 'en/for-buyers' },
  shortlist: { vi: 'danh-sach-chon', en: 'en/shortlist' },
  printCard: { vi: 'in', en: 'en/print' },
  map: { vi: 'ban-do', en: 'en/map' },
  cart: { vi: 'gio-hang', en: 'en/cart' },
  checkoutSuccess: { vi: 'thanh-toan/thanh-cong', en: 'en/checkout/success' },
  checkoutCancel: { vi: 'thanh-toan/da-huy', en: 'en/checkout/cancelled' },
  order: { vi: 'don-hang', en: 'en/orders' },
  update: { vi: 'cap-nhat', en: 'en/update' },
} as const;

export type PageKind = keyof typeof SEGMENTS;

export const homePath = (locale: Locale) => (locale === 'vi' ? '/' : '/en/');

/** `/san-pham/tuong-xay/`, `/en/products/tuong-xay/`, `/ban-do/`… */
export function pagePath(kind: PageKind, locale: Locale, id?: string | number): string {
  const base = `/${SEGMENTS[kind][locale]}/`;
  return id === undefined ? base : `${base}${id}/`;
}

export const productPath = (slug: string, locale: Locale = 'vi') => pagePath('product', locale, slug);
export const producerPath = (id: string, locale: Locale = 'vi') => pagePath('producer', locale, id);
/** The producer's form for updating a product's listing (and its producer's contacts). */
export const updatePath = (slug: string, locale: Locale = 'vi') => pagePath('update', locale, slug);

/** The map's GeoJSON (producers, points of sale, fair booths): one file for both locales, also a download. */
export const MAP_DATA_PATH = '/ban-do/ocop-map.geojson';

/** Listing URLs sort by name under this segment. */
const NAME_SORT_SEGMENT: Record<Locale, string> = { vi: 'ten', en: 'name' };

/**
 * The same page in both locales, from either one's path: what the sitemap's hreflang links need.
 * Returns undefined for paths that have no counterpart (files, API routes).
 */
export function localePaths(pathname: string): Record<Locale, string> | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === '/' || path === '/en/') return { vi: '/', en: '/en/' };
  for (const segments of Object.values(SEGMENTS)) {
    for (const from of ['vi', 'en'] as const) {
      const prefix = `/${segments[from]}/`;
      if (!path.startsWith(prefix)) continue;
      const to = from === 'vi' ? 'en' : 'vi';
      const rest = path.slice(prefix.length).replace(new RegExp(`(^|/)${NAME_SORT_SEGMENT[from]}/`), `$1${NAME_SORT_SEGMENT[to]}/`);
      return { [from]: path, [to]: `/${segments[to]}/${rest}` } as Record<Locale, string>;
    }
  }
  return undefined;
}
