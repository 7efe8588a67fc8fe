import type { z } from 'astro/zod';
import { eventSchema, pointOfSaleSchema, producerSchema, productSchema } from '../content-schemas.ts';
import type { CatalogueEntries } from '../integrity.ts';

/**
 * The kinds of content the office workspace edits, one file each under content/: where they live,
 * their address in the workspace, and the schema the build checks them with. References to other
 * entries are plain ids here (Astro's reference() takes the same ids in the build).
 */
export const ENTRY_KINDS = ['products', 'producers', 'pointsOfSale', 'events'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface EntryKindInfo {
  kind: EntryKind;
  /** The folder under content/. */
  folder: string;
  extension: '.md' | '.yaml';
  /** The workspace address: /quan-ly/<segment>/<id>/. */
  segment: string;
  /** How the workspace names one and many (Vietnamese). */
  one: string;
  many: string;
  /** Products carry their story as Markdown below the facts. */
  hasBody: boolean;
}

export const KINDS: Record<EntryKind, EntryKindInfo> = {
  products: { kind: 'products', folder: 'products', extension: '.md', segment: 'san-pham', one: 'sản phẩm', many: 'Sản phẩm', hasBody: true },
  producers: { kind: 'producers', folder: 'producers', extension: '.yaml', segment: 'chu-the', one: 'chủ thể', many: 'Chủ thể', hasBody: false },
  pointsOfSale: { kind: 'pointsOfSale', folder: 'points-of-sale', extension: '.yaml', segment: 'diem-ban', one: 'điểm bán', many: 'Điểm bán', hasBody: false },
  events: { kind: 'events', folder: 'events', extension: '.yaml', segment: 'su-kien', one: 'sự kiện', many: 'Sự kiện', hasBody: false },
};

export const kindBySegment = (segment: string): EntryKind | undefined => ENTRY_KINDS.find((kind) => KINDS[kind].segment === segment);

/** The file of an entry, relative to the content folder: products/tuong-xay.md. */
export const entryFile = (kind: EntryKind, id: string) => `${KINDS[kind].folder}/${id}${KINDS[kind].extension}`;

/** The entry a content file holds, or undefined for files the workspace does not edit. */
export function entryOfFile(file: string): { kind: EntryKind; id: string } | undefined {
  for (const kind of ENTRY_KINDS) {
    const { folder, extension } = KINDS[kind];
    const match = new RegExp(`^${folder}/([^/]+)${extension.replace('.', '\\.')}$`).exec(file);
    if (match) return { kind, id: match[1] };
  }
  return undefined;
}

/** A new entry's id: what file names (and so ids) may be. */
export const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const schemas: Record<EntryKind, () => z.ZodType> = {
  products: () => productSchema(),
  producers: () => producerSchema,
  pointsOfSale: () => pointOfSaleSchema(),
  events: () => eventSchema(),
};
const built = new Map<EntryKind, z.ZodType>();

export function schemaFor(kind: EntryKind): z.ZodType {
  let schema = built.get(kind);
  if (!schema) built.set(kind, (schema = schemas[kind]()));
  return schema;
}

/** The collection key the integrity check uses for a kind. */
export const integrityCollection = (kind: EntryKind): keyof CatalogueEntries => kind;
