import { foldVietnamese } from '../text.ts';
import type { EntryKind } from './entry-kinds.ts';

/**
 * The workspace's lists: what each row shows and the search, filters and paging over them. Pure,
 * over summaries the entry index keeps in memory, so a province of 3,500 products (Hà Nội) or the
 * national list of 20,000 filters in milliseconds.
 */
export interface EntrySummary {
  kind: EntryKind;
  id: string;
  name: string;
  /** Today's province (the scope an office account covers). */
  province?: string;
  /** Name, id, producer and place, folded, for search. */
  searchText: string;
  /** False when the file does not pass its schema (a hand edit gone wrong). */
  valid: boolean;
  product?: {
    stars?: number;
    group?: string;
    /** The certificate's state today: valid, expired, revoked, re-evaluating. */
    certificate: string;
    /** The status the file records (an expired certificate is still `valid` there). */
    certificateStatus?: string;
    expiresOn?: string;
    producerId?: string;
    producerName?: string;
    hasPrice: boolean;
    hasPhoto: boolean;
    hasBankAccount: boolean;
  };
}

export const LIST_PAGE_SIZE = 50;
export const MISSING = ['price', 'photo', 'bank-account'] as const;
export type Missing = (typeof MISSING)[number];

export interface ListQuery {
  q?: string;
  stars?: number;
  group?: string;
  certificate?: string;
  /** Certificates that expire between today and 90 days from today. */
  expiringWithinDays?: number;
  missing?: Missing;
  invalidOnly?: boolean;
  page: number;
}

export interface ListPage {
  rows: EntrySummary[];
  total: number;
  page: number;
  pages: number;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Reads a list's query string, ignoring what it does not understand (a list link never errors). */
export function readListQuery(params: URLSearchParams): ListQuery {
  const stars = Number(params.get('stars'));
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const missing = params.get('missing');
  return {
    q: params.get('q')?.trim() || undefined,
    stars: [3, 4, 5].includes(stars) ? stars : undefined,
    group: params.get('group') || undefined,
    certificate: params.get('certificate') || undefined,
    expiringWithinDays: params.get('expiring') === '90' ? 90 : undefined,
    missing: MISSING.find((value) => value === missing),
    invalidOnly: params.get('invalid') === '1',
    page,
  };
}

export function matches(row: EntrySummary, query: ListQuery, today: string): boolean {
  if (query.invalidOnly && row.valid) return false;
  if (query.q) {
    const words = foldVietnamese(query.q).split(' ');
    if (!words.every((word) => row.searchText.includes(word))) return false;
  }
  const product = row.product;
  if (query.stars !== undefined || query.group || query.certificate || query.expiringWithinDays || query.missing) {
    if (!product) return false;
    if (query.stars !== undefined && product.stars !== query.stars) return false;
    if (query.group && product.group !== query.group) return false;
    if (query.certificate && product.certificate !== query.certificate) return false;
    if (query.expiringWithinDays) {
      if (!product.expiresOn || product.expiresOn < today || product.expiresOn > addDays(today, query.expiringWithinDays)) return false;
    }
    if (query.missing === 'price' && product.hasPrice) return false;
    if (query.missing === 'photo' && product.hasPhoto) return false;
    if (query.missing === 'bank-account' && product.hasBankAccount) return false;
  }
  return true;
}

const byName = (a: EntrySummary, b: EntrySummary) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id);

/** One page of the rows that match, sorted by name; a page past the end gives the last one. */
export function listPage(rows: readonly EntrySummary[], query: ListQuery, today: string, size = LIST_PAGE_SIZE): ListPage {
  const found = rows.filter((row) => matches(row, query, today)).sort(byName);
  const pages = Math.max(1, Math.ceil(found.length / size));
  const page = Math.min(query.page, pages);
  return { rows: found.slice((page - 1) * size, page * size), total: found.length, page, pages };
}

/** The query string of a list page, for links that keep the filters (page 1 and empty values left out). */
export function listQueryString(query: ListQuery, changes: Partial<ListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.stars) params.set('stars', String(next.stars));
  if (next.group) params.set('group', next.group);
  if (next.certificate) params.set('certificate', next.certificate);
  if (next.expiringWithinDays) params.set('expiring', String(next.expiringWithinDays));
  if (next.missing) params.set('missing', next.missing);
  if (next.invalidOnly) params.set('invalid', '1');
  if (next.page > 1) params.set('page', String(next.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
