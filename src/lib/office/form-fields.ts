import type { z } from 'astro/zod';
import { isoDate } from '../content-schemas.ts';
import { schemaFor, type EntryKind } from './entry-kinds.ts';
import { fieldLabel, optionLabel } from './field-labels.ts';

/**
 * The workspace's forms, read off the content schemas themselves, so every field the build checks
 * has an input and a field added to a schema appears in the form without anyone remembering to:
 * objects become groups, enums and literal unions choices, arrays lists, the one partial record
 * (marketplaces) a set of optional addresses. What the schema cannot say (which strings point at
 * another entry, which are set once) is listed below by path.
 */
export type FieldNode =
  | { type: 'text'; format?: 'email' | 'url' | 'slug'; multiline?: boolean }
  | { type: 'number'; integer: boolean }
  | { type: 'boolean' }
  | { type: 'date' }
  | { type: 'choice'; options: { value: string | number; label: string }[] }
  | { type: 'group'; fields: Field[] }
  | { type: 'list'; item: FieldNode; /** False where items come from elsewhere (photos come from an upload). */ appendable?: false }
  | { type: 'map'; keys: { value: string; label: string }[]; item: FieldNode }
  | { type: 'reference'; to: EntryKind };

export interface Field {
  key: string;
  /** Dotted path with `*` for list items: `supply.certifications.*.scheme`. */
  path: string;
  label: string;
  hint?: string;
  /** Must be given (neither optional nor defaulted). */
  required: boolean;
  /** Set once, when the entry is created (a product's web address is printed on packaging). */
  fixed?: boolean;
  node: FieldNode;
}

/** Strings that name another entry, by path. */
const REFERENCES: Partial<Record<EntryKind, Record<string, EntryKind>>> = {
  products: { producer: 'producers' },
  pointsOfSale: { 'carries.producers.*': 'producers', 'carries.products.*': 'products' },
  events: { 'booths.*.producer': 'producers' },
};
const FIXED: Partial<Record<EntryKind, string[]>> = { products: ['slug', 'photos.*.file', 'photos.*.width', 'photos.*.height'] };
/** Lists whose items are added by their own path, not typed in: a photo is uploaded (src/server/office/product-photos.ts). */
const UPLOADED = new Set(['photos']);
const MULTILINE = new Set(['description', 'address.asWritten', 'origin.asWritten', 'certificate.revocationReason']);

type Def = { type: string; [key: string]: any };
const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Peels optional, default and pipe (transform) wrappers; says whether a value may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    if (inner === (isoDate as unknown as z.ZodType)) return { inner, optional };
    const d = def(inner);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') {
      optional = true;
      inner = d.innerType;
    } else if (d.type === 'pipe' && def(d.in).type !== 'union') {
      inner = d.in;
    } else {
      return { inner, optional };
    }
  }
}

function node(kind: EntryKind, schema: z.ZodType, path: string): FieldNode {
  const reference = REFERENCES[kind]?.[path];
  if (reference) return { type: 'reference', to: reference };
  if (schema === (isoDate as unknown as z.ZodType)) return { type: 'date' };
  const d = def(schema);
  switch (d.type) {
    case 'string': {
      const format = d.format === 'email' ? 'email' : d.format === 'url' ? 'url' : path === 'slug' ? 'slug' : undefined;
      return { type: 'text', format, multiline: MULTILINE.has(path) || undefined };
    }
    case 'number':
      return { type: 'number', integer: Boolean(d.checks?.some((check: z.ZodType) => ['safeint', 'int32'].includes(def(check).format))) };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'choice', options: Object.values(d.entries as Record<string, string>).map((value) => ({ value, label: optionLabel(path, value) })) };
    case 'union': {
      const literals = (d.options as z.ZodType[]).flatMap((option) => (def(option).type === 'literal' ? (def(option).values as (string | number)[]) : []));
      if (literals.length === d.options.length) return { type: 'choice', options: literals.map((value) => ({ value, label: optionLabel(path, value) })) };
      return { type: 'text' };
    }
    case 'object':
      return { type: 'group', fields: fieldsOf(kind, schema, path) };
    case 'array':
      return { type: 'list', item: node(kind, unwrap(d.element).inner, `${path}.*`), ...(UPLOADED.has(path) && { appendable: false as const }) };
    case 'record': {
      const keys = Object.values(def(d.keyType).entries as Record<string, string>).map((value) => ({ value, label: optionLabel(path, value) }));
      return { type: 'map', keys, item: node(kind, unwrap(d.valueType).inner, `${path}.*`) };
    }
    default:
      throw new Error(`form-fields: no input for a ${d.type} at ${path}: teach src/lib/office/form-fields.ts`);
  }
}

function fieldsOf(kind: EntryKind, object: z.ZodType, prefix = ''): Field[] {
  const shape = def(object).shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, schema]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const { inner, optional } = unwrap(schema);
    const { label, hint } = fieldLabel(kind, path);
    return { key, path, label, hint, required: !optional, fixed: FIXED[kind]?.includes(path) || undefined, node: node(kind, inner, path) };
  });
}

const cache = new Map<EntryKind, Field[]>();

/** The form of one kind of entry, in the schema's order. */
export function formFields(kind: EntryKind): Field[] {
  let fields = cache.get(kind);
  if (!fields) cache.set(kind, (fields = fieldsOf(kind, unwrap(schemaFor(kind)).inner)));
  return fields;
}

/** Every field path of a form, depth first (for the labels test and for placing messages). */
export function fieldPaths(fields: readonly Field[]): string[] {
  const paths: string[] = [];
  const visit = (field: Field | undefined, path: string, item: FieldNode) => {
    if (field) paths.push(path);
    if (item.type === 'group') for (const inner of item.fields) visit(inner, inner.path, inner.node);
    if (item.type === 'list' || item.type === 'map') visit(undefined, `${path}.*`, item.item);
  };
  for (const field of fields) visit(field, field.path, field.node);
  return paths;
}
