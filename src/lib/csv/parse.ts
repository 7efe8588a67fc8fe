import { parse } from 'csv-parse/sync';

export interface DelimitedRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** RFC 4180 CSV (or TSV) parsing: quoted fields may hold commas, tabs, quotes ("") and line breaks. */
export function parseDelimited(text: string, delimiter: ',' | '\t' = ','): string[][] {
  return parseDelimitedRecords(text, delimiter).map((record) => record.cells);
}

/**
 * Like parseDelimited, keeping where each record starts in the file. Blank records are dropped.
 * csv-parse does the reading; provinces' tables are typed by hand, so a stray quote inside an
 * unquoted cell is a character (relax_quotes) and rows may have fewer cells than the header.
 */
export function parseDelimitedRecords(text: string, delimiter: ',' | '\t' = ','): DelimitedRecord[] {
  // One line-end convention, so a line break inside a quoted cell reads the same from any editor.
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // csv-parse's types do not model `info: true` (records become { record, info }).
    parsed = parse(input, { delimiter, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof parsed;
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') throw new Error('unterminated quoted field at the end of the file');
    throw error;
  }
  // csv-parse reports the line a record ends on; it starts on the line after the previous record.
  let nextStart = 1;
  const records = parsed.map(({ record, info }) => {
    const line = nextStart;
    nextStart = info.lines + 1;
    return { line, cells: record };
  });
  return records.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
}

/** Picks the delimiter from the file name, or from the header line when the name does not say. */
export function delimiterFor(fileName: string, text: string): ',' | '\t' {
  if (/\.tsv$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) return ',';
  const header = text.split('\n', 1)[0];
  return header.split('\t').length > header.split(',').length ? '\t' : ',';
}
