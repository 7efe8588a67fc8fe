import type { z } from 'astro/zod';
import { findIntegrityIssues, type CatalogueEntries } from '../integrity.ts';
import { schemaFor, type EntryKind } from './entry-kinds.ts';

/**
 * The build's rules for one entry, with the build's words: the collection schema (Astro prints
 * `stars: stars must be 3, 4 or 5`), then the checks across files (a producer that does not exist,
 * a slug used twice). The workspace shows each message beside its field and writes nothing while
 * any remains.
 */
export interface FieldError {
  /** Dotted path of the field, as the build prints it: `certificate.issuedOn`, `marketplaces.shopee`. */
  path: string;
  message: string;
}

export type Validated = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function checkSchema(kind: EntryKind, data: unknown): Validated {
  const result = schemaFor(kind).safeParse(data);
  return result.success ? { ok: true, data: result.data as Record<string, unknown> } : { ok: false, errors: issuesToErrors(result.error.issues) };
}

/**
 * The cross-file problems of one entry, given every other entry as the build would see them with
 * this one in place (`entries` already holds its new data).
 */
export function integrityErrors(kind: EntryKind, id: string, entries: CatalogueEntries): FieldError[] {
  return findIntegrityIssues(entries)
    .filter((issue) => issue.collection === kind && issue.id === id)
    .map((issue) => ({ path: issue.field, message: issue.message }));
}

/**
 * YAML as Astro's loader reads it turns dates into Date objects; the workspace keeps what the file
 * says as text (YYYY-MM-DD), the way the schema's own transform does.
 */
export function plainValues<T>(value: T): T {
  if (value instanceof Date) return value.toISOString().slice(0, 10) as T;
  if (Array.isArray(value)) return value.map(plainValues) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValues(inner)])) as T;
  }
  return value;
}
