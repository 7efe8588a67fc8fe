import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readAppendixTable, type RowProblem } from '../../src/lib/importer/appendix-table.ts';
import { delimiterFor, parseDelimitedRecords } from '../../src/lib/csv/parse.ts';
import { mergeImported, type KeptEdit } from '../../src/lib/importer/merge.ts';
import {
  applyCorrections,
  buildProducer,
  buildProduct,
  producerKey,
  productOrigin,
  uniqueSlug,
  type ProducerRecord,
  type Correction,
  type TableImport,
} from '../../src/lib/importer/records.ts';
import type { Province } from '../../src/lib/regions.ts';
import { readFolder, serialise, writeIfChanged, type ContentFile, type Data } from './content-files.ts';

/** Fields that say what the source document says; everything else belongs to the office once created. */
// supply: only when the table has supply columns (a hand-edited value is kept and reported).
const PRODUCT_OWNED = ['name', 'stars', 'potentialFiveStar', 'producer', 'origin', 'certificate.level', 'certificate.issuedBy', 'source', 'supply'];
const PRODUCER_OWNED = ['name', 'address', 'geo', 'source'];

export interface TableSpec extends TableImport {
  file: string;
}

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: number;
  kept: Array<KeptEdit & { file: string }>;
  overwritten: Array<KeptEdit & { file: string }>;
  problems: Array<RowProblem & { file: string }>;
}

export interface ImportOptions {
  contentDir: string;
  tables: TableSpec[];
  corrections?: Correction[];
  overwrite?: boolean;
  dryRun?: boolean;
}

const sourceKey = (data: Data) => {
  const source = data.source as { document?: string; row?: string } | undefined;
  return `${source?.document}#${source?.row}`;
};

function loadProvinces(contentDir: string): Province[] {
  return readFolder(path.join(contentDir, 'regions'), '.yaml').map(({ file, data }) => ({
    id: path.basename(file, '.yaml'),
    ...(data as Omit<Province, 'id'>),
  }));
}

/** Imports appendix tables into content/products and content/producers. Re-running changes nothing. */
export function importTables(options: ImportOptions): ImportReport {
  const { contentDir, corrections = [], overwrite = false, dryRun = false } = options;
  const report: ImportReport = { created: [], updated: [], unchanged: 0, kept: [], overwritten: [], problems: [] };
  const provinces = loadProvinces(contentDir);
  const listedAsOf = new Map(readFolder(path.join(contentDir, 'sources'), '.yaml').map(({ file, data }) => [path.basename(file, '.yaml'), String(data.listedAsOf)]));
  const productsDir = path.join(contentDir, 'products');
  const producersDir = path.join(contentDir, 'producers');
  const products = readFolder(productsDir, '.md');
  const producers = readFolder(producersDir, '.yaml');

  const productBySource = new Map(products.map((file) => [sourceKey(file.data), file]));
  const takenSlugs = new Set(products.map((file) => String(file.data.slug)));
  const producerIdByKey = new Map(
    producers.map((file) => [producerKey(String(file.data.name)), path.basename(file.file, '.yaml')]),
  );
  const producerFiles = new Map(producers.map((file) => [path.basename(file.file, '.yaml'), file]));
  /** The record each producer was first written from, to spot products made elsewhere. */
  const producersWritten = new Map<string, ProducerRecord>();

  const save = (target: string, existing: ContentFile | undefined, imported: Data, owned: string[]) => {
    const merged = mergeImported(existing?.data, imported, owned, overwrite);
    report.kept.push(...merged.kept.map((edit) => ({ ...edit, file: target })));
    report.overwritten.push(...merged.overwritten.map((edit) => ({ ...edit, file: target })));
    const text = serialise(target, merged.data, existing?.body ?? '');
    const changed = dryRun ? true : writeIfChanged(target, text);
    if (!existing) report.created.push(target);
    else if (changed && (!dryRun || merged.overwritten.length)) report.updated.push(target);
    else report.unchanged++;
  };

  for (const table of options.tables) {
    const text = readFileSync(table.file, 'utf8');
    const records = parseDelimitedRecords(text, delimiterFor(table.file, text));
    const parsed = readAppendixTable(records.map((record) => record.cells), undefined, records.map((record) => record.line));
    report.problems.push(...parsed.problems.map((problem) => ({ ...problem, file: table.file })));

    let rowAbove: { producer: string; address: string } | undefined;
    for (const original of parsed.rows) {
      const corrected = applyCorrections(original, table.document, corrections);
      const notes = corrected.notes;
      // "Same producer as above" means the producer as corrected on the row above.
      const row = original.producerFromRowAbove && rowAbove ? { ...corrected.row, ...rowAbove } : corrected.row;
      rowAbove = { producer: row.producer, address: row.address };
      const key = producerKey(row.producer);
      let producerId = producerIdByKey.get(key);
      const producer = buildProducer(row, table, provinces, notes.filter((note) => !note.startsWith('product:')));
      producerId ??= producer.id;
      producerIdByKey.set(key, producerId);
      // A producer listed on several rows is written once, from its first row.
      if (!producersWritten.has(producerId) && !row.producerFromRowAbove) {
        producersWritten.set(producerId, producer);
        const { id: _id, ...producerData } = producer;
        const target = path.join(producersDir, `${producerId}.yaml`);
        save(target, producerFiles.get(producerId), producerData, PRODUCER_OWNED);
      }

      const existing = productBySource.get(`${table.document}#${producer.source.row}`);
      const slug = existing ? String(existing.data.slug) : uniqueSlug(row.product, row.producer, takenSlugs);
      takenSlugs.add(slug);
      const home = producersWritten.get(producerId) ?? producer;
      const origin = productOrigin(row, home, table, provinces);
      const product = buildProduct(row, { ...table, listedAsOf: listedAsOf.get(table.document)! }, producerId, slug, notes, origin);
      const target = existing?.file ?? path.join(productsDir, `${slug}.md`);
      // An inferred group stays the importer's until the office confirms one (groupInferred: false).
      const owned = existing?.data.groupInferred === false ? PRODUCT_OWNED : [...PRODUCT_OWNED, 'group'];
      save(target, existing, product as unknown as Data, owned);
    }
  }
  return report;
}

export function printReport(report: ImportReport, log: (line: string) => void = console.log): void {
  log(`created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged}`);
  for (const file of report.updated) log(`  updated ${file}`);
  for (const edit of report.kept) {
    log(`  kept hand-edited ${edit.file} ${edit.field}: file has ${JSON.stringify(edit.fileValue)}, table says ${JSON.stringify(edit.importedValue)} (use --overwrite to replace)`);
  }
  for (const edit of report.overwritten) {
    log(`  overwrote ${edit.file} ${edit.field}: was ${JSON.stringify(edit.fileValue)}, now ${JSON.stringify(edit.importedValue)}`);
  }
  if (report.problems.length) log(`rows that could not be imported (${report.problems.length}):`);
  for (const problem of report.problems) {
    log(`  ${problem.file}:${problem.line}: ${problem.reason} | ${problem.cells.map((c) => c.replace(/\n/g, ' / ')).join(' | ')}`);
  }
}
