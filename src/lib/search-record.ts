import { escapeHtml } from './escape.ts';
import { foldVietnamese } from './text.ts';

/**
 * One product as Pagefind indexes it. The index is built from catalogue data, not by crawling
 * pages (product pages are rendered on demand), through Pagefind's `addHTMLFile` so that weights
 * still apply: the name counts far more than the producer, the place or the group.
 */
export interface SearchRecord {
  url: string;
  locale: 'vi' | 'en';
  /** The title results show: the name in the page's language. */
  title: string;
  /** What the product is, in the record's language ("Trà", "Palm sugar powder"): weighted most. */
  kind: string;
  /** A word to count once more: Vietnamese names start with their head word ("Gạo …"). */
  lead?: string;
  /** The rest of the name and the product's other names (brand, place, the other language). */
  names: string[];
  /** Group, producer and place words, indexed less strongly than names. */
  context: string[];
  /** A filter may hold several values (a product with two quality certifications). */
  filters: Record<string, string | string[] | undefined>;
  sort: Record<string, string>;
  meta: Record<string, string>;
}

/**
 * The kind of product (the name's leading words) 10, folded words 5, context (producer, place,
 * group) 1. Other names: on Vietnamese records the rest of the name, its brand and place, 2 (at 5
 * "Mật ong hoa tràm … Trà Sư" scored within 3% of tea for "trà"); on English records the English
 * and Vietnamese names, which English queries are mostly found by, 5. With the search page's
 * ranking (exact words far above longer ones, no length penalty) "trà" finds tea first.
 */
const WEIGHT = { kind: 10, names: { vi: 2, en: 5 }, folded: 5, context: 1 } as const;

/** The result metadata each record carries (Pagefind's `title` and SearchRecord.meta). */
export const SEARCH_META_FIELDS = ['title', 'image', 'stars', 'potential', 'producer', 'place'] as const;

/**
 * Pagefind's ranking options for our records: see WEIGHT. Metadata adds no score: Pagefind boosts a
 * page whose metadata holds a query word, prefixes included and whatever the field, so "gạo" put
 * the rice wine of a producer called "… Rượu gạo …" above rice, and a title with "trái" counted as one with "trà".
 */
export const SEARCH_RANKING = {
  termSimilarity: 10,
  pageLength: 0,
  metaWeights: Object.fromEntries(SEARCH_META_FIELDS.map((field) => [field, 0])),
};

/** A Vietnamese name cut into what it is (the kind, with its head word) and the rest (brand, place). */
export function vietnameseNameParts(name: string): { kind: string; lead: string; rest: string } {
  const kind = productKindWords(name);
  return { kind, lead: kind.split(' ')[0], rest: name.trim().slice(kind.length).trim() };
}

/**
 * What kind of product a Vietnamese name says it is: its words up to the first brand or place word
 * (capitalised) or number. Names start with the kind ("Trà hoa đậu biếc", "Rượu gạo Công chuẩn"),
 * so "trà" should find tea before "Mật ong hoa tràm … Trà Sư", whose Trà is a forest.
 */
export function productKindWords(name: string): string {
  const words = name.trim().split(/\s+/);
  const end = words.findIndex((word, index) => index > 0 && /^[\p{Lu}\p{N}]/u.test(word));
  return words.slice(0, end < 0 ? words.length : end).join(' ');
}

/**
 * Pagefind already ignores tone marks but keeps đ, so "duong" would miss "Đường". Only words
 * holding đ get a folded copy: folding every word again would index most of them twice.
 */
export function foldedExtras(texts: readonly string[]): string[] {
  const words = texts.flatMap((text) => text.split(/[^\p{L}\p{N}]+/u)).filter((word) => /đ/i.test(word));
  return [...new Set(words.map(foldVietnamese))];
}

export function searchRecordHtml(record: SearchRecord): string {
  const element = (tag: string, attributes: string, text: string) => `<${tag}${attributes}>${escapeHtml(text)}</${tag}>`;
  const names = record.names.filter(Boolean);
  const folded = foldedExtras([record.kind, ...names, ...record.context]);
  const indexed = [
    element('p', ` data-pagefind-weight="${WEIGHT.kind}"`, record.kind),
    ...(record.lead ? [element('p', ` data-pagefind-weight="${WEIGHT.kind}"`, record.lead)] : []),
    ...names.map((name) => element('p', ` data-pagefind-weight="${WEIGHT.names[record.locale]}"`, name)),
    ...(folded.length ? [element('p', ` data-pagefind-weight="${WEIGHT.folded}"`, folded.join(' '))] : []),
    ...record.context.map((text) => element('p', ` data-pagefind-weight="${WEIGHT.context}"`, text)),
  ];
  // Outside the indexed body: Pagefind still reads them, and their text (URLs, sort keys) stays out of the word index.
  const data = [
    element('span', ' data-pagefind-meta="title"', record.title),
    ...Object.entries(record.filters).flatMap(([name, value]) =>
      [value ?? []].flat().filter(Boolean).map((one) => element('span', ` data-pagefind-filter="${escapeHtml(name)}"`, one)),
    ),
    ...Object.entries(record.sort).map(([name, value]) => element('span', ` data-pagefind-sort="${escapeHtml(name)}"`, value)),
    ...Object.entries(record.meta).map(([name, value]) => element('span', ` data-pagefind-meta="${escapeHtml(name)}"`, value)),
  ];
  return `<!doctype html><html lang="${record.locale}"><head><title>${escapeHtml(record.title)}</title></head><body><main data-pagefind-body>${indexed.join('')}</main><div>${data.join('')}</div></body></html>`;
}
