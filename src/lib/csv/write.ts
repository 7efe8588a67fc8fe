// The package's browser build (it carries its own Buffer), so the same writer runs in Node and in
// the browser; browser code loads this module only when a file is asked for.
import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * Spreadsheet files for people: UTF-8 with a byte-order mark (Excel and LibreOffice then read
 * Vietnamese text as UTF-8, not the system code page) and CRLF line ends. Written by csv-stringify,
 * which does the quoting; this module only adds the spreadsheet safety below.
 */
export type CsvValue = string | number | boolean | null | undefined;

export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A text cell starting with = + - @ (or a tab or carriage return) would run as a formula when the
 * file is opened; a leading apostrophe keeps it text. Numbers stay numbers (-5 is a number).
 */
export function spreadsheetSafe(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A whole file: header row, then the rows, each cell made spreadsheet-safe. */
export function toCsvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const records = [header.map(spreadsheetSafe), ...rows.map((row) => row.map(spreadsheetSafe))];
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}

/** The MIME type to serve or download such a file with. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
