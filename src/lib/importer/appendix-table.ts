import { parseStarRating, type StarRating } from '../stars.ts';
import type { SupplyFacts } from '../supply.ts';
import { foldVietnamese, tidySpaces } from '../text.ts';
import { readSupplyFacts, supplyColumns } from './supply-columns.ts';

/**
 * Reads the provinces' appendix tables of certified products: a numbered row per product, optional
 * section headings ("IV. SẢN PHẨM OCOP 3 SAO") that set the star level for the rows below, and a
 * blank producer cell meaning "the same producer as the row above".
 */
export interface AppendixRow {
  /** Where the row sits in the document: section heading (or "") and the row number as printed. */
  section: string;
  number: string;
  /** 1-based line of the row in the table file, for error messages. */
  line: number;
  product: string;
  producer: string;
  address: string;
  rating: StarRating;
  /** True when the producer and address were carried down from the row above. */
  producerFromRowAbove: boolean;
  /** Supply facts from the table's optional columns (supply-columns.ts), when it has any. */
  supply?: SupplyFacts;
}

export interface RowProblem {
  line: number;
  cells: string[];
  reason: string;
}

export interface AppendixTable {
  rows: AppendixRow[];
  problems: RowProblem[];
}

type Column = 'number' | 'product' | 'producer' | 'address' | 'rating';

/** How far down the header row may be. */
const HEADER_SEARCH_ROWS = 10;

/** Folded header words for each column; "chủ thẻ" is a typo the Kiên Giang table really has. */
const HEADER_WORDS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['number', /^(stt|so tt|so thu tu|tt)$/],
  ['product', /(ten san pham|^san pham$)/],
  ['producer', /(chu the|co so san xuat|don vi san xuat)/],
  ['address', /^dia chi/],
  ['rating', /(xep hang|hang sao|so sao|^sao$)/],
];

function mapColumns(header: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const folded = foldVietnamese(cell);
    const match = HEADER_WORDS.find(([column, pattern]) => columns[column] === undefined && pattern.test(folded));
    if (match) columns[match[0]] = index;
  });
  return columns;
}

// A lookahead, not \b: \b is an ASCII word boundary and never follows "tổ", "số" or "xã".
const ADDRESS_LINE = /^(địa chỉ\s*:|(ấp|áp|khóm|tổ|số|xã|phường|thị trấn|huyện)(?=\s|$))/i;

/** A producer cell may hold the name and then an "Địa chỉ: …" line, as in An Giang's appendix. */
export function splitProducerCell(cell: string): { producer: string; address: string } {
  const lines = cell.split('\n').map((line) => line.trim()).filter(Boolean);
  const addressIndex = lines.findIndex((line, index) => index > 0 && ADDRESS_LINE.test(line));
  if (addressIndex < 0) return { producer: tidySpaces(lines.join(' ')), address: '' };
  return {
    producer: tidySpaces(lines.slice(0, addressIndex).join(' ')).replace(/\s*-$/, ''),
    address: tidySpaces(lines.slice(addressIndex).join(', ').replace(/^địa chỉ\s*:\s*/i, '')),
  };
}

/**
 * `lines` gives each record's first line in the file (parseDelimitedRecords), so problems point at
 * the right line even after multi-line cells; without it, records are numbered from 1.
 */
export function readAppendixTable(cells: string[][], defaultRating?: StarRating, lines?: number[]): AppendixTable {
  const lineOf = (index: number) => lines?.[index] ?? index + 1;
  const problems: RowProblem[] = [];
  // Title lines may stand above the header ("PHỤ LỤC II …"), as in the reports' own tables.
  const headerIndex = cells.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const found = mapColumns(row);
    return found.product !== undefined && found.producer !== undefined;
  });
  if (headerIndex < 0) {
    problems.push({ line: lineOf(0), cells: cells[0] ?? [], reason: `header names no product and producer columns ("Tên sản phẩm", "Chủ thể") in the first ${HEADER_SEARCH_ROWS} rows` });
    return { rows: [], problems };
  }
  const header = cells[headerIndex];
  const columns = mapColumns(header);
  // Official tables often number their columns under the header: (1), (2), (3)…
  const numbering = cells[headerIndex + 1]?.every((cell) => /^\(?\d*\)?$/.test(cell.trim())) ? 1 : 0;
  const firstRow = headerIndex + 1 + numbering;
  const body = cells.slice(firstRow);
  const supplyAt = supplyColumns(header);
  const rows: AppendixRow[] = [];
  let section = '';
  let sectionRating = defaultRating;
  let above: { producer: string; address: string } | undefined;
  const cell = (row: string[], column: Column) =>
    columns[column] === undefined ? '' : (row[columns[column]!] ?? '').trim();

  body.forEach((row, index) => {
    const line = lineOf(firstRow + index);
    const number = cell(row, 'number');
    const product = tidySpaces(cell(row, 'product'));
    if (!product && number && !/^\d+$/.test(number)) {
      section = tidySpaces(number);
      sectionRating = parseStarRating(section) ?? undefined;
      above = undefined;
      return;
    }
    if (!product) {
      problems.push({ line, cells: row, reason: 'no product name' });
      return;
    }
    const split = splitProducerCell(cell(row, 'producer'));
    const address = cell(row, 'address') ? tidySpaces(cell(row, 'address')) : split.address;
    const fromAbove = !split.producer;
    const producer = split.producer || above?.producer || '';
    const producerAddress = fromAbove ? (above?.address ?? '') : address;
    const ratingText = cell(row, 'rating');
    const rating = ratingText ? parseStarRating(ratingText) : sectionRating;
    if (!producer) {
      problems.push({ line, cells: row, reason: 'blank producer with no producer in the row above' });
    } else if (!rating) {
      problems.push({
        line,
        cells: row,
        reason: ratingText ? `unreadable star rating "${ratingText}"` : 'no star rating in the row or its section heading (a candidate, not a certified product?)',
      });
    } else {
      // Unreadable supply facts are reported, and the row still imports (without them).
      const { supply, problem } = readSupplyFacts(supplyAt, row);
      if (problem) problems.push({ line, cells: row, reason: problem });
      rows.push({ section, number, line, product, producer, address: producerAddress, rating, producerFromRowAbove: fromAbove, ...(supply && { supply }) });
    }
    if (producer) above = { producer, address: producerAddress };
  });
  return { rows, problems };
}
