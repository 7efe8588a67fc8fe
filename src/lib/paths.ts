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
  map: { vi: 'ban-do', en: 'en/map' },
  cart: { vi: 'gio-hang', en: 'en/cart' },
  checkoutSuccess: { vi: 'thanh-toan/thanh-cong', en: 'en/checkout/success' },
  checkoutCancel: { vi: 'thanh-toan/da-huy', en: 'en/checkout/cancelled' },
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
