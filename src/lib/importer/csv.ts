export interface DelimitedRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** RFC 4180 CSV (or TSV) parsing: quoted fields may hold commas, tabs, quotes ("") and line breaks. */
export function parseDelimited(text: string, delimiter: ',' | '\t' = ','): string[][] {
  return parseDelimitedRecords(text, delimiter).map((record) => record.cells);
}

/** Like parseDelimited, keeping where each record starts in the file. Blank records are dropped. */
export function parseDelimitedRecords(text: string, delimiter: ',' | '\t' = ','): DelimitedRecord[] {
  const rows: DelimitedRecord[] = [];
  let row: string[] = [];
  let line = 1;
  let start = 1;
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push({ line: start, cells: row });
      row = [];
      field = '';
      start = ++line;
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('unterminated quoted field at the end of the file');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ line: start, cells: row });
  }
  return rows.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
}

/** Picks the delimiter from the file name, or from the header line when the name does not say. */
export function delimiterFor(fileName: string, text: string): ',' | '\t' {
  if (/\.tsv$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) return ',';
  const header = text.split('\n', 1)[0];
  return header.split('\t').length > header.split(',').length ? '\t' : ',';
}
