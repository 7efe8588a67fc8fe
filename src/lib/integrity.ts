/**
 * Checks across collections that a single schema cannot see: references that point nowhere and
 * slugs used twice. Every problem names the file and the field, like a schema error does.
 */
export interface Entry<T> {
  id: string;
  filePath?: string;
  data: T;
}

type Ref = { id: string } | string;
const refId = (ref: Ref) => (typeof ref === 'string' ? ref : ref.id);

export interface CatalogueEntries {
  products: Entry<{ slug: string; producer: Ref }>[];
  producers: Entry<{ address: { province: string } }>[];
  pointsOfSale: Entry<{ carries: { producers: Ref[]; products: Ref[] } }>[];
  events: Entry<{ booths: { producer: Ref }[] }>[];
}

const where = (entry: Entry<unknown>, collection: string) => entry.filePath ?? `${collection}/${entry.id}`;

/** One problem: the file, the field (dotted path) and what is wrong, in the words the build prints. */
export interface IntegrityIssue {
  file: string;
  collection: keyof CatalogueEntries;
  id: string;
  field: string;
  message: string;
}

/** The problems as the build prints them: `file: field "x": message`. */
export function findIntegrityProblems(entries: CatalogueEntries, contentRoot = 'content'): string[] {
  return findIntegrityIssues(entries, contentRoot).map((issue) => `${issue.file}: field "${issue.field}": ${issue.message}`);
}

export function findIntegrityIssues(entries: CatalogueEntries, contentRoot = 'content'): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const producerIds = new Set(entries.producers.map((producer) => producer.id));
  const productIds = new Set(entries.products.map((product) => product.id));
  const problem = (entry: Entry<unknown>, collection: keyof CatalogueEntries, field: string, message: string) =>
    issues.push({ file: where(entry, collection), collection, id: entry.id, field, message });
  const missing = (entry: Entry<unknown>, collection: keyof CatalogueEntries, field: string, kind: string, id: string, folder: string) =>
    problem(entry, collection, field, `no ${kind} "${id}" exists (expected ${contentRoot}/${folder}/${id}.${folder === 'products' ? 'md' : 'yaml'})`);

  const slugOwners = new Map<string, Entry<unknown>>();
  for (const product of entries.products) {
    const producer = refId(product.data.producer);
    if (!producerIds.has(producer)) missing(product, 'products', 'producer', 'producer', producer, 'producers');
    const owner = slugOwners.get(product.data.slug);
    if (owner) {
      problem(product, 'products', 'slug', `"${product.data.slug}" is already used by ${where(owner, 'products')}`);
    } else {
      slugOwners.set(product.data.slug, product);
    }
  }
  for (const point of entries.pointsOfSale) {
    point.data.carries.producers.forEach((ref, i) => {
      if (!producerIds.has(refId(ref))) missing(point, 'pointsOfSale', `carries.producers.${i}`, 'producer', refId(ref), 'producers');
    });
    point.data.carries.products.forEach((ref, i) => {
      if (!productIds.has(refId(ref))) missing(point, 'pointsOfSale', `carries.products.${i}`, 'product', refId(ref), 'products');
    });
  }
  for (const event of entries.events) {
    event.data.booths.forEach((booth, i) => {
      if (!producerIds.has(refId(booth.producer))) missing(event, 'events', `booths.${i}.producer`, 'producer', refId(booth.producer), 'producers');
    });
  }
  return issues;
}

export class ContentIntegrityError extends Error {
  constructor(problems: string[]) {
    super(`Content check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentIntegrityError';
  }
}
