import type { Field, FieldNode } from './form-fields.ts';

/**
 * Between a content file's data and what a form's inputs hold. Inputs hold text (numbers and
 * dates as typed, dates as dd/mm/yyyy), ticks, and null for an optional group left out. Back to
 * data, empty inputs leave a field out, numbers and dates become what the file stores (ISO dates),
 * and anything the form does not know (a key a developer added) is kept, in the file's own order,
 * so saving an untouched form changes nothing.
 */
export type FormValue = string | boolean | null | FormValue[] | { [key: string]: FormValue };
export type FormRecord = { [key: string]: FormValue };
type Data = Record<string, unknown>;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/** 2024-05-31 → 31/05/2024. */
export function isoToDmy(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** 31/05/2024 (or 31.5.2024) → 2024-05-31; undefined when it is not a day of the calendar. */
export function dmyToIso(text: string): string | undefined {
  const match = DMY.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function valueToForm(node: FieldNode, value: unknown): FormValue {
  switch (node.type) {
    case 'boolean':
      return value === true;
    case 'date':
      return typeof value === 'string' ? isoToDmy(value) : value === undefined ? '' : String(value);
    case 'group':
      return value && typeof value === 'object' ? toForm(node.fields, value as Data) : null;
    case 'list':
      return Array.isArray(value) ? value.map((item) => valueToForm(node.item, item)) : [];
    case 'map': {
      const record = (value && typeof value === 'object' ? value : {}) as Data;
      return Object.fromEntries(node.keys.map(({ value: key }) => [key, valueToForm(node.item, record[key])]));
    }
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

export function toForm(fields: readonly Field[], data: Data): FormRecord {
  return Object.fromEntries(fields.map((field) => [field.key, valueToForm(field.node, data[field.key])]));
}

/** The value a form input gives back; undefined leaves the field out. */
function formToValue(node: FieldNode, value: FormValue, original: unknown): unknown {
  switch (node.type) {
    case 'boolean':
      // An unticked box writes false only where the file said so; it does not add a field.
      return value === true ? true : original === undefined ? undefined : false;
    case 'group':
      return value === null || typeof value !== 'object' || Array.isArray(value) ? undefined : toData(node.fields, value as FormRecord, (original ?? {}) as Data, original === undefined);
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      const originals = Array.isArray(original) ? original : [];
      const list = items.map((item, i) => formToValue(node.item, item, originals[i])).filter((item) => item !== undefined);
      return list.length || original !== undefined ? list : undefined;
    }
    case 'map': {
      const record = (value ?? {}) as FormRecord;
      const originals = (original ?? {}) as Data;
      const entries = node.keys.flatMap(({ value: key }) => {
        const inner = formToValue(node.item, record[key] ?? '', originals[key]);
        return inner === undefined ? [] : [[key, inner] as const];
      });
      return entries.length || original !== undefined ? Object.fromEntries(entries) : undefined;
    }
    default: {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) return undefined;
      if (node.type === 'number') {
        // 35.000 or 35 000 đồng; a decimal point only where the field takes fractions (coordinates).
        const number = Number(node.integer ? text.replace(/[.\s,]/g, '') : text.replace(',', '.'));
        return Number.isFinite(number) ? number : text;
      }
      if (node.type === 'date') return dmyToIso(text) ?? text;
      if (node.type === 'choice') return node.options.find((option) => String(option.value) === text)?.value ?? text;
      return text;
    }
  }
}

/**
 * The data to write: the original's keys first, in its order, then new ones in the form's order;
 * keys the form does not know are kept as they were. `fresh`: a group the file did not have.
 */
export function toData(fields: readonly Field[], form: FormRecord, original: Data = {}, fresh = false): Data {
  const known = new Map(fields.map((field) => [field.key, field]));
  const result: Data = {};
  const keys = [...Object.keys(original), ...fields.map((field) => field.key).filter((key) => !(key in original))];
  for (const key of keys) {
    const field = known.get(key);
    const value = field ? formToValue(field.node, form[key] ?? (field.node.type === 'group' ? null : ''), original[key]) : original[key];
    if (value !== undefined) result[key] = value;
  }
  // A new optional group the person left empty is no group at all.
  return fresh && Object.keys(result).length === 0 ? (undefined as unknown as Data) : result;
}

/** The empty value a new list item or a group being added starts from. */
export function emptyValue(node: FieldNode): FormValue {
  switch (node.type) {
    case 'boolean':
      return false;
    case 'group':
      return Object.fromEntries(node.fields.map((field) => [field.key, field.required || field.node.type !== 'group' ? emptyValue(field.node) : null]));
    case 'list':
      return [];
    case 'map':
      return Object.fromEntries(node.keys.map(({ value }) => [value, emptyValue(node.item)]));
    default:
      return '';
  }
}
