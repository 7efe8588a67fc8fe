import { read as readWorkbook, utils, type CellObject, type WorkSheet } from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { parseDelimitedRecords, sniffDelimiter, type DelimitedRecord } from '../csv/parse.ts';

/**
 * A province's table as the office uploads it, recognised by its content (never its file name):
 * an Excel workbook (.xlsx), or CSV/TSV text in UTF-8 (with or without a byte-order mark, the
 * delimiter sniffed). Anything else is refused with what to do instead. Pure: bytes in, rows out.
 */
export type TableRow = DelimitedRecord;
export type TableFormat = 'xlsx' | 'csv' | 'tsv';

export interface TableFile {
  format: TableFormat;
  /** Non-blank rows with their line (CSV/TSV) or row number (XLSX), as the office sees them. */
  rows: TableRow[];
  /** The worksheet read (XLSX), and the others, which were not. */
  sheet?: string;
  otherSheets?: string[];
}

/** Refusals meant for the person who uploaded the file. */
export class TableFileError extends Error {
  override name = 'TableFileError';
}

export const MAX_TABLE_BYTES = 10 * 1024 * 1024;
/** The largest province lists about 3,500 products; one table may hold every one of them. */
export const MAX_TABLE_ROWS = 5_000;
/** What a workbook may unpack to: a 10 MB spreadsheet of text is far below it, a ZIP bomb is not. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const SAVE_AS = 'In Excel choose File → Save As → "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited) (.csv)"';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

export interface ReadTableOptions {
  /** The worksheet to read; the first visible one otherwise. */
  sheet?: string;
}

/** Refuses a file too large to be a table, before it is read (an upload's length, a file's size). */
export function checkTableSize(size: number): void {
  if (size === 0) throw new TableFileError('the file is empty');
  if (size > MAX_TABLE_BYTES) {
    throw new TableFileError(`the file is ${megabytes(size)}; a table may be at most ${megabytes(MAX_TABLE_BYTES)}: split it into several files`);
  }
}

export function readTableFile(bytes: Uint8Array, options: ReadTableOptions = {}): TableFile {
  checkTableSize(bytes.length);
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, options);
  if (startsWith(bytes, OLE2)) {
    throw new TableFileError(`this is an old Excel 97-2003 workbook (.xls), or a workbook protected by a password: neither can be read here. Remove any password, then: ${SAVE_AS}`);
  }
  if (startsWith(bytes, PDF)) throw new TableFileError(`this is a PDF document, not a table: open the table itself in Excel. ${SAVE_AS}`);
  return readText(bytes);
}

const megabytes = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;

function tooManyRows(count: number): TableFileError {
  return new TableFileError(`the table has ${count} rows; at most ${MAX_TABLE_ROWS} can be imported at once: split it into several files`);
}

function readText(bytes: Uint8Array): TableFile {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes)) {
    throw new TableFileError(`this is Unicode text in UTF-16 (Excel's "Unicode Text" export), which is not read here. ${SAVE_AS}`);
  }
  if (bytes.subarray(0, 4096).includes(0)) throw new TableFileError(`this is not a table (CSV, TSV or XLSX). ${SAVE_AS}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TableFileError(`this text is not in UTF-8 (perhaps an older Vietnamese encoding such as Windows-1258 or TCVN3). ${SAVE_AS}`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) {
    throw new TableFileError(`this is a web page or XML file, not a table (Excel sometimes saves these with an .xls name). ${SAVE_AS}`);
  }
  const delimiter = sniffDelimiter(text);
  let rows: TableRow[];
  try {
    rows = parseDelimitedRecords(text, delimiter);
  } catch (error) {
    throw new TableFileError(`the table cannot be read: ${(error as Error).message}`);
  }
  if (rows.length > MAX_TABLE_ROWS) throw tooManyRows(rows.length);
  return { format: delimiter === '\t' ? 'tsv' : 'csv', rows };
}

/** UTF-16 without a byte-order mark: every other byte of ASCII text is zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let zeros = 0;
  for (let i = 0; i < sample.length; i += 2) if (sample[i] === 0 || sample[i + 1] === 0) zeros++;
  return sample.length >= 8 && zeros > sample.length / 4;
}

/** The ZIP's directory: what kind of document it is, and what it unpacks to, before unpacking it. */
function zipEntries(bytes: Uint8Array): { names: Set<string>; unpacked: number } {
  const names = new Set<string>();
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new TableFileError(`the file starts like an Excel workbook but is damaged or incomplete. Open it in Excel and save it again. ${SAVE_AS}`);
  }
  return { names, unpacked };
}

function readXlsx(bytes: Uint8Array, options: ReadTableOptions): TableFile {
  const { names, unpacked } = zipEntries(bytes);
  if (names.has('xl/workbook.bin')) throw new TableFileError(`this is an Excel binary workbook (.xlsb). ${SAVE_AS}`);
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml')) throw new TableFileError(`this is an OpenDocument spreadsheet (.ods). In LibreOffice choose File → Save As → "Excel 2007-365 (.xlsx)" or "Text CSV (.csv)" in UTF-8`);
    if (names.has('word/document.xml')) throw new TableFileError(`this is a Word document, not a table: copy the table into Excel. ${SAVE_AS}`);
    throw new TableFileError(`this is a ZIP archive without an Excel workbook in it. ${SAVE_AS}`);
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new TableFileError(`the workbook unpacks to ${megabytes(unpacked)}, more than a table of ${MAX_TABLE_ROWS} rows can be: save only the table in a new workbook`);

  let workbook;
  try {
    // One row more than allowed, to tell a table that is too long from one that just fits.
    workbook = readWorkbook(bytes, { type: 'array', dense: true, sheetRows: MAX_TABLE_ROWS + 1, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (error) {
    throw new TableFileError(`the workbook cannot be read (${(error as Error).message}). Open it in Excel and save it again. ${SAVE_AS}`);
  }
  const visible = workbook.SheetNames.filter((_, i) => !workbook.Workbook?.Sheets?.[i]?.Hidden);
  const sheet = options.sheet ?? visible[0];
  if (!sheet || !workbook.Sheets[sheet]) {
    throw new TableFileError(options.sheet ? `the workbook has no sheet "${options.sheet}"; it has ${workbook.SheetNames.map((name) => `"${name}"`).join(', ')}` : 'the workbook has no visible sheet');
  }
  const worksheet = workbook.Sheets[sheet];
  const fullRange = worksheet['!fullref'] ?? worksheet['!ref'];
  if (fullRange) {
    const range = utils.decode_range(fullRange);
    if (range.e.r - range.s.r + 1 > MAX_TABLE_ROWS) throw tooManyRows(range.e.r - range.s.r + 1);
  }
  return { format: 'xlsx', rows: sheetRows(worksheet), sheet, otherSheets: workbook.SheetNames.filter((name) => name !== sheet) };
}

/** A cell as the office sees it in Excel: the formatted text, line breaks as \n. */
function cellText(cell: CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  const text = cell.w ?? String(cell.v);
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The sheet's non-blank rows, numbered as Excel numbers them. A cell merged down over several rows
 * holds for each of them (a producer or a star level written once for a group of products); a cell
 * merged across columns belongs to its first column only, so a heading merged across the table
 * still reads as a heading.
 */
function sheetRows(worksheet: WorkSheet): TableRow[] {
  const ref = worksheet['!ref'];
  if (!ref) return [];
  const range = utils.decode_range(ref);
  const dense = (worksheet['!data'] ?? []) as Array<Array<CellObject | undefined> | undefined>;
  const grid: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellText(dense[r]?.[c]));
    grid.push(cells);
  }
  for (const merge of worksheet['!merges'] ?? []) {
    const column = merge.s.c - range.s.c;
    const first = merge.s.r - range.s.r;
    const value = grid[first]?.[column];
    if (value === undefined) continue;
    for (let r = first + 1; r <= merge.e.r - range.s.r && r < grid.length; r++) grid[r][column] = value;
  }
  return grid
    .map((cells, index) => ({ line: range.s.r + index + 1, cells: trimTrailing(cells) }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

function trimTrailing(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end--;
  return cells.slice(0, end);
}
