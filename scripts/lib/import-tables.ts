import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportRequestError, planImport, type ContentFileText, type ImportPlan, type ImportPlanRow, type PlanTable } from '../../src/lib/importer/plan.ts';
import type { Correction, TableImport } from '../../src/lib/importer/records.ts';
import { checkTableSize, readTableFile, TableFileError } from '../../src/lib/importer/table-file.ts';
import { writeIfChanged } from './content-files.ts';

/**
 * `npm run import` and `npm run import:seeds` around the pure plan (src/lib/importer/plan.ts):
 * read the content folder and the tables, plan, print, and write unless it is a dry run.
 */
export interface TableSpec extends TableImport {
  file: string;
  /** The worksheet of an XLSX file; the first visible one otherwise. */
  sheet?: string;
}

export interface ImportOptions {
  contentDir: string;
  tables: TableSpec[];
  corrections?: Correction[];
  overwrite?: boolean;
  dryRun?: boolean;
  log?: (line: string) => void;
}

const CONTENT_FOLDERS = ['products', 'producers', 'regions', 'sources'];

/** The files the plan reads, with paths relative to the content folder. */
export function readContentFolder(contentDir: string): ContentFileText[] {
  return CONTENT_FOLDERS.flatMap((folder) => {
    const dir = path.join(contentDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(md|yaml)$/.test(name))
      .sort()
      .map((name) => ({ path: `${folder}/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(dir, name), 'utf8') }));
  });
}

/** A table file as rows; a file that is no table throws a TableFileError naming it. */
export function readTable(spec: TableSpec, log: (line: string) => void = console.log): PlanTable {
  const name = path.basename(spec.file);
  try {
    checkTableSize(statSync(spec.file).size);
    const table = readTableFile(new Uint8Array(readFileSync(spec.file)), { sheet: spec.sheet });
    if (table.sheet) log(`${name}: sheet "${table.sheet}"${table.otherSheets?.length ? ` (not read: ${table.otherSheets.map((s) => `"${s}"`).join(', ')}; choose with --sheet)` : ''}`);
    const { file: _file, sheet: _sheet, ...options } = spec;
    return { ...options, name, rows: table.rows };
  } catch (error) {
    if (error instanceof TableFileError) throw new TableFileError(`${spec.file}: ${error.message}`);
    throw error;
  }
}

/** Reads, plans, prints and (unless dryRun) writes. Re-running it changes nothing. */
export function importTables(options: ImportOptions): ImportPlan {
  const { contentDir, dryRun = false, log = console.log } = options;
  const plan = planImport({
    files: readContentFolder(contentDir),
    tables: options.tables.map((spec) => readTable(spec, log)),
    corrections: options.corrections,
    overwrite: options.overwrite,
  });
  printPlan(plan, { everyRow: dryRun, log });
  if (dryRun) log('(dry run: nothing was written)');
  else for (const file of plan.writes) writeIfChanged(path.join(contentDir, file.path), file.text);
  return plan;
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

function describeRow(row: ImportPlanRow): string[] {
  const where = row.reason ? `line ${row.line}: ${row.reason}` : `${row.file}${row.producerFile ? ` + ${row.producerFile}` : ''}`;
  const lines = [`  ${row.outcome.padEnd(10)} ${row.table}:${String(row.line).padEnd(5)} ${(row.row ?? '').padEnd(7)} ${row.product ?? row.cells.join(' | ').replace(/\n/g, ' / ')} → ${where}`];
  for (const change of row.changes) lines.push(`      ${change.file} ${change.field}: ${show(change.from)} → ${show(change.to)}`);
  for (const edit of row.kept) {
    lines.push(`      kept hand-edited ${edit.file} ${edit.field}: file has ${show(edit.fileValue)}, table says ${show(edit.importedValue)} (use --overwrite to replace)`);
  }
  for (const warning of row.warnings) lines.push(`      imported without: ${warning}`);
  return lines;
}

/** The four-way table: every row in a dry run; otherwise what changed, was kept or was refused. */
export function printPlan(plan: ImportPlan, { everyRow = false, log = console.log }: { everyRow?: boolean; log?: (line: string) => void } = {}): void {
  const { counts } = plan;
  log(`new ${counts.new}, changed ${counts.changed}, unchanged ${counts.unchanged}, unreadable ${counts.unreadable} (${plan.writes.length} files to write)`);
  for (const row of plan.rows) {
    if (everyRow || row.outcome !== 'unchanged' || row.kept.length || row.warnings.length) for (const line of describeRow(row)) log(line);
  }
}

/** Runs an import command: a request or table that cannot be read is a message and exit code 2, not a stack trace. */
export function runImportCommand(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ImportRequestError || error instanceof TableFileError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
