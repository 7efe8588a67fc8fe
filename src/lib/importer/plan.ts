import type { DelimitedRecord } from '../csv/parse.ts';
import { parseContentText, serialiseContent, type ContentData } from '../content-text.ts';
import { producerSchema, productSchema, sourceDocumentSchema } from '../content-schemas.ts';
import { CERTIFICATE_LEVELS } from '../certificate.ts';
import { findIntegrityIssues, type CatalogueEntries, type Entry } from '../integrity.ts';
import { findProvince, type Province } from '../regions.ts';
import { readAppendixTable, type AppendixRow } from './appendix-table.ts';
import { mergeImported, type KeptEdit, type MergeResult } from './merge.ts';
import {
  applyCorrections,
  buildProducer,
  buildProduct,
  producerKey,
  productOrigin,
  rowKey,
  uniqueSlug,
  type Correction,
  type DocumentTable,
  type ProducerRecord,
  type TableImport,
} from './records.ts';

/**
 * The importer as one pure function: the content as it is (file texts), the province's tables as
 * rows, and what to do with them, in; what each row would become and the files to write, out.
 * `npm run import` is a shell around it (read files, plan, print, write), and so is the office
 * workspace's import (dry run, then one commit). Nothing here touches a disk.
 *
 * Every file in the plan passes the build's schemas and cross-file checks; a row whose files would
 * not is `unreadable`, with the build's messages, and none of its files are written.
 */

/** A content file as text; `path` is relative to the content folder: `products/tuong-xay.md`. */
export interface ContentFileText {
  path: string;
  text: string;
}

/** One table to import: its rows as read (table-file.ts) and how to read them. */
export interface PlanTable extends TableImport {
  /** What the office calls it (the uploaded file's name), for the row table and messages. */
  name: string;
  /** Cells per row with the row's line (CSV/TSV) or row number (XLSX). */
  rows: readonly DelimitedRecord[];
}

export interface ImportRequest {
  /**
   * The content folder as it is: every file under products/, producers/, regions/ and sources/
   * (others are ignored). Unchanged files are matched to table rows by their `source` field.
   */
  files: readonly ContentFileText[];
  tables: readonly PlanTable[];
  /** Fixes to cells of the official tables (scripts/seeds/corrections.json), recorded in `source.notes`. */
  corrections?: readonly Correction[];
  /** Replace fields the office edited by hand with what the table says (otherwise kept, and listed). */
  overwrite?: boolean;
}

export const ROW_OUTCOMES = ['new', 'changed', 'unchanged', 'unreadable'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A field the import sets in an existing file; `from` is undefined when the file lacked it. */
export interface FieldChange {
  file: string;
  field: string;
  from?: unknown;
  to: unknown;
}

/** A field the office edited by hand that the table gives otherwise: kept, unless `overwrite`. */
export interface KeptHandEdit {
  file: string;
  field: string;
  /** What the file says (and keeps). */
  fileValue: unknown;
  /** What the table says. */
  importedValue: unknown;
}

/** A rule a planned file breaks, in the build's words: `field: message`. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** One row of one table and what importing it does: what the workspace shows, row by row. */
export interface ImportPlanRow {
  table: string;
  /** The row's line (CSV/TSV) or row number (XLSX). */
  line: number;
  outcome: RowOutcome;
  /** The row as read. */
  cells: string[];
  /** Its number as the document prints it, with the section numeral ("IV.12"), as `source.row` cites it. */
  row?: string;
  /** Product and producer names, as corrected. */
  product?: string;
  producer?: string;
  /** The product file it imports into, relative to the content folder. */
  file?: string;
  /** The producer file, when this row creates or changes it. */
  producerFile?: string;
  /** Why the row is not imported (unreadable rows only); several reasons joined by "; ". */
  reason?: string;
  /** The content rules the row's files would break (unreadable rows refused by the build's rules). */
  problems: ContentProblem[];
  /** For `changed`: each field set in an existing file (product or producer). */
  changes: FieldChange[];
  /** Hand edits the import keeps (a row may be `unchanged` and still have some). */
  kept: KeptHandEdit[];
  /** What the row imports without, e.g. supply facts in a cell that could not be read. */
  warnings: string[];
}

export interface ImportPlan {
  /** Every row of every table, in table order and then line order (title and heading rows left out). */
  rows: ImportPlanRow[];
  /** The files to write, each whole (new or changed files only); empty when nothing changes. */
  writes: ContentFileText[];
  counts: Record<RowOutcome, number>;
}

/** A request the plan cannot start on (an unknown document or province, a file that cannot be read). */
export class ImportRequestError extends Error {
  override name = 'ImportRequestError';
}

/** Fields that say what the source document says; everything else belongs to the office once created. */
// supply: only when the table has supply columns (a hand-edited value is kept and reported).
const PRODUCT_OWNED = ['name', 'stars', 'potentialFiveStar', 'producer', 'origin', 'certificate.level', 'certificate.issuedBy', 'source', 'supply'];
const PRODUCER_OWNED = ['name', 'address', 'geo', 'source'];

interface ContentEntry {
  path: string;
  id: string;
  data: ContentData;
  body: string;
}

/** A file the plan would write for a row: new, changed or the same as it is. */
interface Candidate {
  path: string;
  id: string;
  existing?: ContentEntry;
  data: ContentData;
  body: string;
  merge: MergeResult;
  /** New, or its data differs from the file's. */
  changed: boolean;
  refused: ContentProblem[];
}

interface RowWork {
  /** Position of its table in the request, for the order of rows. */
  tableIndex: number;
  plan: ImportPlanRow;
  product?: Candidate;
  producerId?: string;
}

const FOLDERS = { products: ['products/', '.md'], producers: ['producers/', '.yaml'], regions: ['regions/', '.yaml'], sources: ['sources/', '.yaml'] } as const;
type Folder = keyof typeof FOLDERS;

function readContent(files: readonly ContentFileText[]): Record<Folder, ContentEntry[]> {
  const content: Record<Folder, ContentEntry[]> = { products: [], producers: [], regions: [], sources: [] };
  for (const file of files) {
    const folder = (Object.keys(FOLDERS) as Folder[]).find((name) => file.path.startsWith(FOLDERS[name][0]) && file.path.endsWith(FOLDERS[name][1]));
    if (!folder) continue;
    let parsed;
    try {
      parsed = parseContentText(file.path, file.text);
    } catch (error) {
      throw new ImportRequestError(`${(error as Error).message} (fix this file first)`);
    }
    const [prefix, extension] = FOLDERS[folder];
    content[folder].push({ path: file.path, id: file.path.slice(prefix.length, -extension.length), ...parsed });
  }
  for (const list of Object.values(content)) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return content;
}

const schemaProblems = (file: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ContentProblem[] =>
  issues.map((issue) => ({ file, field: issue.path.map(String).join('.'), message: issue.message }));

/** The tables' documents and provinces must exist before any row can be read. */
function resolveTables(tables: readonly PlanTable[], sources: ContentEntry[], provinces: Province[]): Array<PlanTable & DocumentTable> {
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  return tables.map((table) => {
    const source = sourceById.get(table.document);
    if (!source) {
      throw new ImportRequestError(`unknown document "${table.document}": add content/sources/${table.document}.yaml first (title, issuer, number, date, listedAsOf and url)`);
    }
    const checked = sourceDocumentSchema.safeParse(source.data);
    if (!checked.success) {
      const problems = schemaProblems(source.path, checked.error.issues).map((p) => `${p.field}: ${p.message}`);
      throw new ImportRequestError(`${source.path} does not match its schema: ${problems.join('; ')}`);
    }
    if (!findProvince(provinces, table.province)) throw new ImportRequestError(`unknown province "${table.province}": no file in content/regions/ names it`);
    if (table.certifiedBy !== undefined && !CERTIFICATE_LEVELS.includes(table.certifiedBy)) {
      throw new ImportRequestError(`certified-by must be one of: ${CERTIFICATE_LEVELS.join(', ')}`);
    }
    return { ...table, listedAsOf: checked.data.listedAsOf };
  });
}

const sourceKey = (data: ContentData) => {
  const source = data.source as { document?: string; row?: string } | undefined;
  return `${source?.document}#${source?.row}`;
};

const withFile = (file: string) => (edit: KeptEdit) => ({ file, ...edit });

export function planImport(request: ImportRequest): ImportPlan {
  const { corrections = [], overwrite = false } = request;
  const content = readContent(request.files);
  const provinces = content.regions.map(({ id, data }) => ({ id, ...(data as Omit<Province, 'id'>) }));
  const tables = resolveTables(request.tables, content.sources, provinces);

  const productBySource = new Map(content.products.map((file) => [sourceKey(file.data), file]));
  // A new product's slug is also its file name: neither may be taken.
  const takenSlugs = new Set(content.products.flatMap((file) => [String(file.data.slug), file.id]));
  const producerIdByKey = new Map(content.producers.map((file) => [producerKey(String(file.data.name)), file.id]));
  const producerFiles = new Map(content.producers.map((file) => [file.id, file]));
  /** The record each producer was first written from, to spot products made elsewhere. */
  const producersWritten = new Map<string, ProducerRecord>();
  const producerCandidates = new Map<string, Candidate>();
  const rowsSeen = new Map<string, { table: string; line: number }>();
  const work: RowWork[] = [];
  const productRules = productSchema();

  const candidate = (path: string, id: string, existing: ContentEntry | undefined, imported: ContentData, owned: string[]): Candidate => {
    const merge = mergeImported(existing?.data, imported, owned, overwrite);
    const changed = !existing || merge.added.length + merge.overwritten.length > 0;
    return { path, id, existing, data: merge.data, body: existing?.body ?? '', merge, changed, refused: [] };
  };

  tables.forEach((table, tableIndex) => {
    const parsed = readAppendixTable(table.rows.map((row) => [...row.cells]), undefined, table.rows.map((row) => row.line));
    const cellsAt = new Map(table.rows.map((row) => [row.line, [...row.cells]]));
    const problemsAt = new Map<number, string[]>();
    for (const problem of parsed.problems) problemsAt.set(problem.line, [...(problemsAt.get(problem.line) ?? []), problem.reason]);
    const imported = new Set(parsed.rows.map((row) => row.line));
    for (const problem of parsed.problems) {
      if (imported.has(problem.line)) continue;
      work.push({ tableIndex, plan: blankRow(table.name, problem.line, problem.cells, { reason: problem.reason }) });
    }

    /** Each producer as corrected, by how the table writes it, for the rows that say "same as above". */
    const correctedProducers = new Map<string, { producer: string; address: string }>();
    const asWritten = (row: AppendixRow) => `${row.producer}\n${row.address}`;
    for (const original of parsed.rows) {
      const plan = blankRow(table.name, original.line, cellsAt.get(original.line) ?? [], { warnings: problemsAt.get(original.line) ?? [] });
      const item: RowWork = { tableIndex, plan };
      work.push(item);
      let corrected: { row: AppendixRow; notes: string[] };
      try {
        corrected = applyCorrections(original, table.document, corrections);
      } catch (error) {
        plan.reason = (error as Error).message;
        continue;
      }
      // "Same producer as above" means the producer as corrected on the row above.
      const carried = original.producerFromRowAbove ? correctedProducers.get(asWritten(original)) : undefined;
      const row = carried ? { ...corrected.row, ...carried } : corrected.row;
      if (!original.producerFromRowAbove) correctedProducers.set(asWritten(original), { producer: row.producer, address: row.address });
      Object.assign(plan, { row: rowKey(row), product: row.product, producer: row.producer });

      const key = `${table.document}#${rowKey(row)}`;
      const seen = rowsSeen.get(key);
      if (!row.number) {
        plan.reason = 'no row number (STT): the importer finds a row again by its number, so every product row needs one';
        continue;
      }
      if (seen) {
        plan.reason = `row number ${rowKey(row)} is used twice (also ${seen.table}, line ${seen.line}): give each row its own number`;
        continue;
      }
      rowsSeen.set(key, { table: table.name, line: row.line });

      const notes = corrected.notes;
      const producerKeyName = producerKey(row.producer);
      const producer = buildProducer(row, table, provinces, notes.filter((note) => !note.startsWith('product:')));
      const producerId = producerIdByKey.get(producerKeyName) ?? producer.id;
      producerIdByKey.set(producerKeyName, producerId);
      // A producer listed on several rows is written once, from its first row that can be read.
      if (!producersWritten.has(producerId)) {
        producersWritten.set(producerId, producer);
        const { id: _id, ...producerData } = producer;
        const file = `producers/${producerId}.yaml`;
        producerCandidates.set(producerId, candidate(file, producerId, producerFiles.get(producerId), producerData, PRODUCER_OWNED));
      }

      const existing = productBySource.get(key);
      const slug = existing ? String(existing.data.slug) : uniqueSlug(row.product, row.producer, takenSlugs);
      takenSlugs.add(slug);
      const home = producersWritten.get(producerId) ?? producer;
      const origin = productOrigin(row, home, table, provinces);
      const product = buildProduct(row, table, producerId, slug, notes, origin);
      const file = existing?.path ?? `products/${slug}.md`;
      // An inferred group stays the importer's until the office confirms one (groupInferred: false).
      const owned = existing?.data.groupInferred === false ? PRODUCT_OWNED : [...PRODUCT_OWNED, 'group'];
      item.product = candidate(file, existing?.id ?? slug, existing, product as unknown as ContentData, owned);
      item.producerId = producerId;
      plan.file = file;
    }
  });

  refuseInvalid(work, producerCandidates, content, productRules);
  return assemble(work, producerCandidates);
}

function blankRow(table: string, line: number, cells: string[], extra: Partial<ImportPlanRow>): ImportPlanRow {
  return { table, line, outcome: 'unreadable', cells, problems: [], changes: [], kept: [], warnings: [], ...extra };
}

const readable = (work: RowWork) => work.plan.reason === undefined && work.product !== undefined;

/**
 * The build's rules on every file the plan would write: its schema, then the checks across files
 * with the plan in place. A row whose product breaks them is refused; so is a producer file, and
 * with it the rows that need it. Refusing may leave others dangling, so it repeats until none do.
 */
function refuseInvalid(
  work: RowWork[],
  producers: Map<string, Candidate>,
  content: Record<Folder, ContentEntry[]>,
  productRules: ReturnType<typeof productSchema>,
): void {
  const refuse = (item: RowWork, problems: ContentProblem[]) => {
    item.plan.problems.push(...problems);
    item.plan.reason = item.plan.problems
      .map((p) => (p.file === item.plan.file ? `${p.field}: ${p.message}` : `${p.file}: ${p.field}: ${p.message}`))
      .join('; ');
  };
  for (const producer of producers.values()) {
    if (!producer.changed) continue;
    const checked = producerSchema.safeParse(producer.data);
    if (!checked.success) producer.refused = schemaProblems(producer.path, checked.error.issues);
  }
  for (const item of work) {
    if (!readable(item) || !item.product!.changed) continue;
    const checked = productRules.safeParse(item.product!.data);
    if (!checked.success) refuse(item, schemaProblems(item.product!.path, checked.error.issues));
  }

  for (;;) {
    for (const item of work) {
      const producer = producers.get(item.producerId ?? '');
      if (readable(item) && producer?.refused.length) refuse(item, producer.refused);
    }
    const planned = work.filter(readable).map((item) => item.product!);
    const used = new Set(work.filter(readable).map((item) => item.producerId!));
    const keptProducers = [...producers.values()].filter((producer) => !producer.refused.length && used.has(producer.id));
    const issues = findIntegrityIssues(withPlan(content, planned, keptProducers));
    const written = new Set([...planned, ...keptProducers].filter((file) => file.changed).map((file) => file.path));
    const ours = issues.filter((issue) => written.has(issue.file));
    if (!ours.length) return;
    for (const issue of ours) {
      const problem = { file: issue.file, field: issue.field, message: issue.message };
      const producer = keptProducers.find((file) => file.path === issue.file);
      if (producer) producer.refused.push(problem);
      for (const item of work) if (readable(item) && item.product!.path === issue.file) refuse(item, [problem]);
    }
  }
}

/** The entries the build would see with the planned files in place of the ones they replace. */
function withPlan(content: Record<Folder, ContentEntry[]>, products: Candidate[], producers: Candidate[]): CatalogueEntries {
  const entry = (file: { path: string; id: string; data: ContentData }) => ({ id: file.id, filePath: file.path, data: file.data });
  // Planned files first: a slug the office gave two existing files is then blamed on the file not
  // written, as the import did not cause it (a new product's slug is never taken).
  const replacing = (planned: Candidate[], existing: ContentEntry[]) => {
    const paths = new Set(planned.map((file) => file.path));
    return [...planned, ...existing.filter((file) => !paths.has(file.path))];
  };
  // Files the plan does not write are taken as they are; only their ids, slugs and producers matter here.
  const cited = (data: ContentData) => ({ document: String((data.source as { document?: unknown } | undefined)?.document ?? 'sample') });
  return {
    products: replacing(products, content.products).map((file) =>
      entry({ ...file, data: { ...file.data, slug: String(file.data.slug), producer: String(file.data.producer), source: cited(file.data) } }),
    ) as CatalogueEntries['products'],
    producers: replacing(producers, content.producers).map((file) =>
      entry({ ...file, data: { ...file.data, source: cited(file.data) } }),
    ) as CatalogueEntries['producers'],
    pointsOfSale: [],
    events: [],
    sources: content.sources.map((file) => entry(file)) as Entry<unknown>[],
  };
}

/** Outcomes, what changes, and the files to write, row by row; a producer goes with the first row that imports. */
function assemble(work: RowWork[], producers: Map<string, Candidate>): ImportPlan {
  const claimed = new Set<string>();
  const writes: ContentFileText[] = [];
  const write = (file: Candidate) => writes.push({ path: file.path, text: serialiseContent(file.path, file.data, file.body) });
  const describe = (plan: ImportPlanRow, file: Candidate) => {
    plan.changes.push(...[...file.merge.added, ...file.merge.overwritten].map((edit) => ({ file: file.path, field: edit.field, from: edit.fileValue, to: edit.importedValue })));
    plan.kept.push(...file.merge.kept.map(withFile(file.path)));
  };

  const ordered = [...work].sort((a, b) => a.tableIndex - b.tableIndex || a.plan.line - b.plan.line);
  for (const item of ordered) {
    const { plan } = item;
    if (!readable(item)) continue;
    const producer = producers.get(item.producerId!);
    let producerChanged = false;
    if (producer && !claimed.has(producer.id)) {
      claimed.add(producer.id);
      describe(plan, producer);
      if (producer.changed) {
        producerChanged = true;
        plan.producerFile = producer.path;
        write(producer);
      }
    }
    const product = item.product!;
    describe(plan, product);
    if (product.changed) write(product);
    plan.outcome = !product.existing ? 'new' : product.changed || producerChanged ? 'changed' : 'unchanged';
  }
  const rows = ordered.map((item) => item.plan);
  const counts = Object.fromEntries(ROW_OUTCOMES.map((outcome) => [outcome, rows.filter((row) => row.outcome === outcome).length])) as Record<RowOutcome, number>;
  return { rows, writes, counts };
}
