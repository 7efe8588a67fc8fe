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
  /** Other names of the product (the Vietnamese name on English records), indexed as strongly. */
  otherNames: string[];
  /** Group, producer and place words, indexed less strongly than names. */
  context: string[];
  filters: Record<string, string | undefined>;
  sort: Record<string, string>;
  meta: Record<string, string>;
}

/** Name weight 10, other names 8, context 2: a name match outranks any context match. */
const WEIGHT = { title: 10, otherNames: 8, folded: 6, context: 2 } as const;

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
  const names = [record.title, ...record.otherNames];
  const folded = foldedExtras([...names, ...record.context]);
  const indexed = [
    element('h1', ` data-pagefind-weight="${WEIGHT.title}"`, record.title),
    ...record.otherNames.map((name) => element('p', ` data-pagefind-weight="${WEIGHT.otherNames}"`, name)),
    ...(folded.length ? [element('p', ` data-pagefind-weight="${WEIGHT.folded}"`, folded.join(' '))] : []),
    ...record.context.map((text) => element('p', ` data-pagefind-weight="${WEIGHT.context}"`, text)),
  ];
  // Outside the indexed body: Pagefind still reads them, and their text (URLs, sort keys) stays out of the word index.
  const data = [
    ...Object.entries(record.filters)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([name, value]) => element('span', ` data-pagefind-filter="${escapeHtml(name)}"`, value)),
    ...Object.entries(record.sort).map(([name, value]) => element('span', ` data-pagefind-sort="${escapeHtml(name)}"`, value)),
    ...Object.entries(record.meta).map(([name, value]) => element('span', ` data-pagefind-meta="${escapeHtml(name)}"`, value)),
  ];
  return `<!doctype html><html lang="${record.locale}"><head><title>${escapeHtml(record.title)}</title></head><body><main data-pagefind-body>${indexed.join('')}</main><div>${data.join('')}</div></body></html>`;
}
