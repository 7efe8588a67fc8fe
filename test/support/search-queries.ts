import type { Page } from 'playwright-core';

/**
 * Queries a visitor types and what must come first: a product whose title matches `expect` (or,
 * for star-level queries, that has `stars`). Shared by the ranking test and the ranking benchmark.
 */
export interface RankedQuery {
  locale: 'vi' | 'en';
  query: string;
  expect: RegExp;
  stars?: number;
  /** The rank the test accepts, when first place is not reached yet (say why beside it). */
  atMost?: number;
}

export const RANKED_QUERIES: RankedQuery[] = [
  { locale: 'vi', query: 'nước mắm', expect: /^nước mắm/i },
  { locale: 'vi', query: 'nuoc mam', expect: /^nước mắm/i },
  { locale: 'vi', query: 'khô cá', expect: /^khô cá/i },
  { locale: 'vi', query: 'trà', expect: /^trà/i },
  { locale: 'vi', query: 'mật ong', expect: /^mật ong/i },
  { locale: 'vi', query: 'gạo', expect: /^gạo/i },
  { locale: 'vi', query: 'gạo lứt', expect: /^gạo lứt/i },
  { locale: 'vi', query: 'rượu', expect: /^rượu/i },
  { locale: 'vi', query: 'bánh tráng', expect: /^bánh tráng/i },
  { locale: 'vi', query: 'lạp xưởng', expect: /lạp xưởng/i },
  { locale: 'vi', query: 'duong thot not', expect: /^đường thốt nốt/i },
  { locale: 'vi', query: 'mắm', expect: /^mắm/i },
  { locale: 'vi', query: 'sầu riêng', expect: /sầu riêng/i },
  { locale: 'vi', query: 'xoài sấy', expect: /^xoài.*sấy/i },
  { locale: 'vi', query: 'tương', expect: /^tương/i },
  { locale: 'vi', query: 'tinh dầu', expect: /^tinh dầu/i },
  { locale: 'vi', query: 'cỏ bàng', expect: /cỏ bàng/i },
  { locale: 'vi', query: 'dâu tằm', expect: /dâu tằm/i },
  { locale: 'vi', query: 'an giang 5 sao', expect: /./, stars: 5 },
  { locale: 'vi', query: 'mắm 4 sao', expect: /^mắm/i, stars: 4 },
  { locale: 'en', query: 'fish sauce', expect: /fish sauce/i },
  { locale: 'en', query: 'nuoc mam', expect: /fish sauce/i },
  { locale: 'en', query: 'honey', expect: /honey/i },
  { locale: 'en', query: 'rice', expect: /\brice$/i },
  { locale: 'en', query: 'brown rice', expect: /(whole-grain|brown) .*rice/i },
  { locale: 'en', query: 'palm sugar', expect: /palm sugar/i },
  { locale: 'en', query: 'dried fish', expect: /dried .*fish/i },
  { locale: 'en', query: 'tea', expect: /\btea\b/i },
  { locale: 'en', query: 'durian', expect: /durian$/i },
  { locale: 'en', query: 'sausage', expect: /sausage/i },
  { locale: 'en', query: 'rice paper', expect: /rice paper/i },
  { locale: 'en', query: 'wine', expect: /wine/i },
  { locale: 'en', query: 'mango', expect: /mango/i },
  { locale: 'en', query: 'dried beef', expect: /dried beef/i },
  { locale: 'en', query: 'fish sauce 4 stars', expect: /fish sauce/i, stars: 4 },
];

/**
 * The same kind of table for the synthetic national catalogue (scripts/generate-national.ts: the
 * real names with invented places, 20,000 products), run by `npm run bench -- search-phone`: at that
 * size a word is found in thousands of names, and a place word ("Trà Sư") or a prefix ("tràm") must
 * not outrank what the product is.
 */
export const NATIONAL_RANKED_QUERIES: RankedQuery[] = [
  { locale: 'vi', query: 'trà', expect: /^trà/i },
  { locale: 'vi', query: 'gạo', expect: /^gạo/i },
  { locale: 'vi', query: 'mật ong', expect: /^mật ong/i },
  { locale: 'vi', query: 'nước mắm', expect: /^nước mắm/i },
  { locale: 'vi', query: 'nuoc mam phu quok', expect: /^nước mắm/i },
  { locale: 'vi', query: 'khô cá lóc', expect: /^khô cá lóc/i },
  { locale: 'vi', query: 'rượu', expect: /^rượu/i },
  { locale: 'vi', query: 'duong thot not', expect: /^đường thốt nốt/i },
  { locale: 'vi', query: 'bánh tráng', expect: /^bánh tráng/i },
  { locale: 'vi', query: 'mắm 4 sao', expect: /^mắm/i, stars: 4 },
  // Synthetic names carry invented place words the glossary does not know: many English titles stay Vietnamese.
  { locale: 'en', query: 'tea', expect: /^trà|\btea\b/i },
  { locale: 'en', query: 'rice', expect: /^gạo|\brice$/i },
  { locale: 'en', query: 'honey', expect: /^mật ong|honey/i },
  { locale: 'en', query: 'fish sauce', expect: /^nước mắm|fish sauce/i },
  { locale: 'en', query: 'wine', expect: /^rượu|wine/i },
];

/** 1-based rank of the first right result among the first `depth`, or undefined when none is. */
export async function rankOf(page: Page, baseUrl: string, item: RankedQuery, depth = 20): Promise<number | undefined> {
  const searchPath = item.locale === 'vi' ? '/tim-kiem/' : '/en/search/';
  await page.goto(`${baseUrl}${searchPath}?q=${encodeURIComponent(item.query)}`);
  // The server's HTML holds the count (or "no products"); were the page waiting for an answer, it would say "Đang tìm…".
  await page.waitForFunction(() => /[^…\s]$/.test(document.querySelector('[data-status]')?.textContent?.trim() ?? '…'), undefined, { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('.result').length > 0 || !/\d/.test(document.querySelector('[data-status]')?.textContent ?? ''), undefined, { timeout: 20_000 });
  const found = await page.locator('.result').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.result__title')?.textContent?.trim() ?? '',
      stars: (item.querySelector('.stars__icons')?.textContent ?? '').length,
    })),
  );
  const index = found.slice(0, depth).findIndex((result) => item.expect.test(result.title) && (item.stars === undefined || result.stars === item.stars));
  return index < 0 ? undefined : index + 1;
}
