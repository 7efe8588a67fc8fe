import { parse } from 'csv-parse/sync';

export interface DelimitedRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** RFC 4180 CSV (or TSV) parsing: quoted fields may hold commas, tabs, quotes ("") and line breaks. */
export function parseDelimited(text: string, delimiter: Delimiter = ','): string[][] {
  return parseDelimitedRecords(text, delimiter).map((record) => record.cells);
}

/**
 * Like parseDelimited, keeping where each record starts in the file. Blank records are dropped.
 * csv-parse does the reading; provinces' tables are typed by hand, so a stray quote inside an
 * unquoted cell is a character (relax_quotes) and rows may have fewer cells than the header.
 */
export function parseDelimitedRecords(text: string, delimiter: Delimiter = ','): DelimitedRecord[] {
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

export type Delimiter = ',' | '\t' | ';';
const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];
const SNIFFED_LINES = 10;

/**
 * The delimiter a table is written with, from its content, never its file name: the one that
 * splits its first lines into the most cells, quoted cells not counted. Excel writes ";" where the
 * decimal separator is a comma (as in Vietnamese settings); a title line above the header still
 * carries the delimiters of its empty cells.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n' && ++lines >= SNIFFED_LINES) break;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  // Ties go to the comma, then the tab: the order of DELIMITERS.
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best));
}
