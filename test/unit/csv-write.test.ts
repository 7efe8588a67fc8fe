import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARK, toCsvFile } from '../../src/lib/csv/write.ts';

// Read back with papaparse, a different parser from the writer (csv-stringify), as a spreadsheet would.
const readBack = (text: string) => Papa.parse<string[]>(text.slice(BYTE_ORDER_MARK.length), { newline: '\r\n', skipEmptyLines: true }).data;

describe('toCsvFile', () => {
  const rows = [
    ['Mật thốt nốt, "dạng sệt"', 4, 'Ấp Tô Thủy, xã Lê Trì\nhuyện Tri Tôn'],
    ['Đường thốt nốt', 3, ''],
  ];
  const text = toCsvFile(['tên', 'sao', 'địa chỉ'], rows);

  it('starts with the byte-order mark and ends lines with CRLF', () => {
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('gives back the same rows, Vietnamese text and line breaks intact', () => {
    expect(readBack(text)).toEqual([['tên', 'sao', 'địa chỉ'], ...rows.map((row) => row.map(String))]);
  });

  it('keeps formulas from running', () => {
    expect(readBack(toCsvFile(['x'], [['=1+1'], ['@SUM(A1)'], [-5]]))).toEqual([['x'], ["'=1+1"], ["'@SUM(A1)"], ['-5']]);
  });
});
