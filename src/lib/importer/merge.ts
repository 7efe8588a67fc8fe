/**
 * Merges freshly imported values into a content file the OCOP office may have edited. The importer
 * owns a few fields (what the source document says); it sets the others only when creating a file.
 * An owned field that differs from the import is kept and reported unless `overwrite` is set.
 */
export type Data = Record<string, unknown>;

export interface KeptEdit {
  field: string;
  fileValue: unknown;
  importedValue: unknown;
}

export interface MergeResult {
  data: Data;
  kept: KeptEdit[];
  overwritten: KeptEdit[];
  /** Owned fields the file did not have, now set from the import (an existing file only). */
  added: KeptEdit[];
}

function get(data: Data, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Data | undefined)?.[key], data);
}

function set(data: Data, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = data;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Data;
  }
  target[keys.at(-1)!] = value;
}

/** Order-insensitive for object keys, so re-serialising a file never looks like an edit. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${key}:${canonical((value as Data)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function mergeImported(existing: Data | undefined, imported: Data, ownedFields: readonly string[], overwrite = false): MergeResult {
  if (!existing) return { data: structuredClone(imported), kept: [], overwritten: [], added: [] };
  const data = structuredClone(existing);
  const kept: KeptEdit[] = [];
  const overwritten: KeptEdit[] = [];
  const added: KeptEdit[] = [];
  for (const field of ownedFields) {
    const importedValue = get(imported, field);
    const fileValue = get(existing, field);
    if (importedValue === undefined || sameValue(fileValue, importedValue)) continue;
    if (fileValue === undefined || overwrite) {
      set(data, field, importedValue);
      (fileValue === undefined ? added : overwritten).push({ field, fileValue, importedValue });
    } else {
      kept.push({ field, fileValue, importedValue });
    }
  }
  return { data, kept, overwritten, added };
}
